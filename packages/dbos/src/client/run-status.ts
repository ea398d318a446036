/**
 * A durable run as `telaio status` and `client.status` show it: its state, the steps it has passed
 * so far (read from its DBOS checkpoints), what it waits for, and its result once it ended.
 */
import type { JournalValue, RunResult } from '@telaio/core';

/** DBOS's workflow states, as telaio names them. */
export type RunState = 'enqueued' | 'running' | 'success' | 'failure' | 'error' | 'cancelled' | 'unknown';

/** One checkpointed effect of the run, in order. */
export interface RunStepRecord {
  /** The workflow and step it belongs to (from its site id `<workflowId>/<stepId>/<kind>#n`). */
  readonly workflowId?: string;
  readonly stepId?: string;
  /** `send`, `input`, `message-send`, `message-receive` (telaio effects), `sleep`, `wait`, or DBOS's own name. */
  readonly kind: string;
  /** A send's response status code. */
  readonly statusCode?: number;
  /** A send that got no response: its error code. */
  readonly errorCode?: string;
  /** A sleep's wake-up time (ISO 8601). */
  readonly until?: string;
  /**
   * What the checkpoint holds (a send's response body, an input's value, a received value): SECRET
   * material in general (tokens, TOTP secrets); callers mask it unless asked to reveal.
   */
  readonly value?: JournalValue;
}

/** A run's status. */
export interface RunStatus {
  readonly runId: string;
  readonly state: RunState;
  /** The Arazzo workflow and document the run executes. */
  readonly workflowId?: string;
  readonly document?: string;
  /** The worker (DBOS executor) that runs or ran it. */
  readonly executorId?: string;
  /** The schedule that fired it, for runs of `submit --schedule`. */
  readonly scheduleName?: string;
  readonly createdAt?: string;
  readonly updatedAt?: string;
  /** Inputs whose values are secret (given with resolve, or from a worker-side totp provider): mask them. */
  readonly secretInputs: readonly string[];
  /** The external value the run waits for right now (`telaio resolve RUN NAME=VALUE`). */
  readonly waitingFor?: string;
  readonly steps: readonly RunStepRecord[];
  /** The run's result once it ended (state success or failure). */
  readonly result?: RunResult;
  /** Why the run could not finish (state error): an exception, not an Arazzo failure. */
  readonly error?: string;
}

/** Maps a DBOS workflow status to telaio's run state. */
export function runStateOf(status: string, result: RunResult | undefined): RunState {
  switch (status) {
    case 'ENQUEUED':
    case 'DELAYED':
      return 'enqueued';
    case 'PENDING':
      return 'running';
    case 'SUCCESS':
      return result?.status === 'failure' ? 'failure' : 'success';
    case 'ERROR':
    case 'MAX_RECOVERY_ATTEMPTS_EXCEEDED':
      return 'error';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'unknown';
  }
}

const SITE = /^([^/]+)\/([^/]+)\/([a-z-]+)#\d+$/;

/** One DBOS step as a run step record. */
export function stepRecordOf(step: {
  readonly name: string;
  readonly output: unknown;
  readonly error: Error | null;
}): RunStepRecord {
  const site = SITE.exec(step.name);
  const output = step.output as Record<string, unknown> | null | undefined;
  if (site !== null) {
    const [, workflowId, stepId, kind] = site as unknown as [string, string, string, string];
    const base = { workflowId, stepId, kind };
    if (kind === 'send' && output !== null && typeof output === 'object') {
      const response = output.response as { statusCode?: number } | undefined;
      const error = output.error as { code?: string } | undefined;
      const body = output.body as { json?: JournalValue } | undefined;
      return {
        ...base,
        ...(response?.statusCode === undefined ? {} : { statusCode: response.statusCode }),
        ...(error?.code === undefined ? {} : { errorCode: error.code }),
        ...(body?.json === undefined ? {} : { value: body.json }),
      };
    }
    return { ...base, ...(output === undefined ? {} : { value: output as JournalValue }) };
  }
  if (step.name === 'DBOS.sleep' && typeof output === 'number')
    return { kind: 'sleep', until: new Date(output).toISOString() };
  if (step.name === 'DBOS.recv')
    return { kind: 'wait', ...(output == null ? {} : { value: (output as { value: JournalValue }).value }) };
  return { kind: step.name };
}

/**
 * DBOS checkpoints the timeout of a `recv` as a `DBOS.sleep` right after it (its function id is the
 * next one): such a sleep is shown as part of its wait (`until`: the wait's deadline), and so is the
 * last sleep of a run that waits right now (its `recv` is checkpointed only once it returns).
 */
export function foldWaitTimeouts(steps: readonly RunStepRecord[], waiting: boolean): RunStepRecord[] {
  const folded: RunStepRecord[] = [];
  steps.forEach((step, i) => {
    if (step.kind === 'sleep' && steps[i - 1]?.kind === 'wait') return;
    const next = steps[i + 1];
    if (step.kind === 'wait' && next?.kind === 'sleep') {
      folded.push({ ...step, ...(next.until === undefined ? {} : { until: next.until }) });
      return;
    }
    if (step.kind === 'sleep' && waiting && i === steps.length - 1) {
      folded.push({ kind: 'wait', ...(step.until === undefined ? {} : { until: step.until }) });
      return;
    }
    folded.push(step);
  });
  return folded;
}
