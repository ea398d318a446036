import type {
  FailedCriterion,
  ReceivedMessage,
  ResponseCheckFailure,
  ResponseSummary,
  RunResult,
  SentMessage,
} from '@telaio/core';

/**
 * A message step's message in the json report: core's SentMessage, or the ReceivedMessage without
 * its decoded `payload` (its `body` is the same payload as text). Masked as request bodies are.
 */
export type JsonMessageReport = SentMessage | Omit<ReceivedMessage, 'payload'>;

/** One step execution as CONTRACT.md's `--format json` shows it. */
export interface JsonStepReport {
  readonly stepId: string;
  readonly status: 'success' | 'failure' | 'skipped';
  readonly statusCode: number | null;
  readonly attempts: number;
  readonly durationMs: number;
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Failed steps only: why, in words (the run error's message when this step ended the run). */
  readonly reason?: string;
  /** With `--checks`: the failed response checks of the step's last attempt (errors and warnings). */
  readonly checks?: readonly ResponseCheckFailure[];
  /** AsyncAPI steps: `send` or `receive`. */
  readonly action?: 'send' | 'receive';
  /** A send step's message as it went on the wire (in a dry run, as it would have). */
  readonly sentMessage?: JsonMessageReport;
  /** A receive step's message, the one that matched its correlationId. */
  readonly receivedMessage?: JsonMessageReport;
}

/** The json report's `error`: CONTRACT.md's three fields, then what a criteria failure adds. */
export interface JsonErrorReport {
  readonly code: string;
  readonly message: string;
  readonly stepId: string | null;
  readonly failedCriterion?: FailedCriterion;
  readonly response?: ResponseSummary;
}

/** CONTRACT.md's `--format json` object (`error` only on failure). */
export interface JsonRunReport {
  readonly workflowId: string;
  readonly status: 'success' | 'failure';
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly steps: readonly JsonStepReport[];
  readonly error?: JsonErrorReport;
}

/**
 * The report object of a run, exactly CONTRACT.md's shape: steps in the order they ran, one per
 * execution. Pure; mask the result before calling it.
 */
export function toJsonReport(result: RunResult): JsonRunReport {
  const steps = result.steps
    .filter((step) => step.workflowId === result.workflowId)
    .map((step) => ({
      stepId: step.stepId,
      status: step.status,
      statusCode: step.statusCode ?? null,
      attempts: step.attempts,
      durationMs: Math.round(step.durationMs),
      outputs: step.outputs,
      ...(step.status === 'failure' && step.reason !== undefined ? { reason: step.reason } : {}),
      ...(step.checks === undefined ? {} : { checks: step.checks }),
      ...(step.action === undefined ? {} : { action: step.action }),
      ...(step.sentMessage === undefined ? {} : { sentMessage: step.sentMessage }),
      ...(step.receivedMessage === undefined
        ? {}
        : { receivedMessage: withoutPayload(step.receivedMessage) }),
    }));
  const report: JsonRunReport = {
    workflowId: result.workflowId,
    status: result.status,
    outputs: result.outputs,
    steps,
  };
  if (result.status === 'failure') {
    const error = result.error ?? { code: 'workflow-failed', message: 'the workflow failed' };
    const json: JsonErrorReport = {
      code: error.code,
      message: error.message,
      stepId: error.stepId ?? null,
      ...(error.failedCriterion === undefined ? {} : { failedCriterion: error.failedCriterion }),
      ...(error.response === undefined ? {} : { response: error.response }),
    };
    return { ...report, error: json };
  }
  return report;
}

function withoutPayload(message: ReceivedMessage): Omit<ReceivedMessage, 'payload'> {
  const { payload: _payload, ...rest } = message;
  return rest;
}

/** The JSON report as text (pretty-printed, newline-terminated). */
export function formatJsonReport(result: RunResult, extra?: Readonly<Record<string, unknown>>): string {
  return `${JSON.stringify({ ...toJsonReport(result), ...extra }, null, 2)}\n`;
}
