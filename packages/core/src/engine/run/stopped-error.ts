/**
 * The error of a step that cannot go on because its frame's signal aborted: `aborted` when the run
 * itself was cancelled, else `step-timeout`, because the only other thing that aborts a frame's
 * signal is the 1.1 `timeout` of a workflow step it runs under (1.1.0 §Step Object `timeout`).
 */
import type { RunError } from '../types.js';
import type { Frame } from './frame.js';

/** The abort reason a timed workflow step gives its nested run's signal. */
export class StepTimeoutReason extends Error {
  override readonly name = 'TimeoutError';
  /** `stepId` ran out of its `timeoutMs`. */
  constructor(
    readonly stepId: string,
    readonly timeoutMs: number,
  ) {
    super(`step '${stepId}' did not complete within its timeout of ${timeoutMs} ms`);
  }
}

/**
 * The abort reason a workflow whose steps run concurrently gives the steps still running when one
 * ends it (an `end` action, an unhandled failure, a goto to another workflow).
 */
export class WorkflowEndedReason extends Error {
  override readonly name = 'AbortError';
  /** `stepId` ended the workflow. */
  constructor(readonly stepId: string) {
    super(`step '${stepId}' ended the workflow while this step was running`);
  }
}

/** Why a step of `frame` stopped, when its signal has aborted. */
export function stoppedError(frame: Frame, stepId: string): RunError {
  if (frame.state.signal.aborted || !frame.signal.aborted)
    return { code: 'aborted', message: 'the run was aborted', stepId };
  const reason: unknown = frame.signal.reason;
  if (reason instanceof WorkflowEndedReason)
    return { code: 'aborted', message: `stopped: ${reason.message}`, stepId };
  const why = reason instanceof StepTimeoutReason ? reason.message : 'an enclosing step timed out';
  return { code: 'step-timeout', message: `stopped: ${why}`, stepId };
}
