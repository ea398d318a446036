/**
 * The 1.1 Step Object `timeout` of a workflow step: "the duration in milliseconds to wait for the
 * step to complete before aborting and failing it". The nested run gets its own signal, the
 * caller's combined with a timer; when the timer fires every step of the nested run (and of the
 * workflows it enters) stops, and the workflow step fails with `step-timeout`.
 */
import { combineSignals } from '../../../adapters/combine-signals.js';
import type { StepPlan } from '../../plan/plan-types.js';
import type { Frame } from '../../run/frame.js';
import { StepTimeoutReason } from '../../run/stopped-error.js';
import type { RunError } from '../../types.js';

/** A running step timeout. */
export interface StepTimeout {
  /** The nested run's signal: the caller's, or the timer. */
  readonly signal: AbortSignal;
  /** Clear the timer; true when it had fired (and the caller's signal had not). */
  stop(): boolean;
  /** The step's `step-timeout` error, naming what the nested run was doing when stopped. */
  error(nested: RunError | undefined): RunError;
}

/** Start `step`'s timeout in `frame`; undefined when the step has none. */
export function startStepTimeout(frame: Frame, step: StepPlan): StepTimeout | undefined {
  const ms = step.timeoutMs;
  if (ms === undefined) return undefined;
  const controller = new AbortController();
  const reason = new StepTimeoutReason(step.stepId, ms);
  const timer = setTimeout(() => controller.abort(reason), ms);
  const signal = combineSignals(frame.signal, controller.signal);
  return {
    signal,
    stop: () => {
      clearTimeout(timer);
      return controller.signal.aborted && !frame.signal.aborted;
    },
    error: (nested) => {
      const at = nested?.stepId === undefined ? '' : ` (its workflow was at step '${nested.stepId}')`;
      const message = `${reason.message}; the nested workflow run was aborted${at}`;
      return { code: 'step-timeout', message, stepId: step.stepId };
    },
  };
}
