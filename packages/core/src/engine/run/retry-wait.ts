/**
 * How long a `retry` waits: the response's `Retry-After` when it has one (the Failure Action
 * Object's SHOULD), else the action's `retryAfter` seconds, else 0, and never more than the run's
 * cap (`maxRetryWaitMs`, default 5 minutes, `--max-retry-wait`). A server that asks for a longer
 * wait (`Retry-After: 31536000`) fails the step with `retry-after-too-long`, saying what it asked
 * for, instead of a wait nobody expects or a timer Node cannot hold.
 */
import type { ReceivedResponse } from '../../adapters/transport.js';
import type { ActionPlan } from '../plan/plan-types.js';
import type { RunError } from '../types.js';

/** The default cap on one retry's wait: 5 minutes. */
export const DEFAULT_MAX_RETRY_WAIT_MS = 5 * 60 * 1000;

/** The wait before the next attempt, or the error that ends the step instead. */
export function retryWait(options: {
  readonly response: ReceivedResponse | undefined;
  readonly retry: ActionPlan;
  readonly maxMs: number;
  readonly stepId: string;
  /** The step's failure that the retry answers (kept in the message). */
  readonly cause: RunError;
}): { readonly delayMs: number } | { readonly error: RunError } {
  const { response, retry, maxMs, stepId, cause } = options;
  const header = response?.retryAfterMs;
  const delayMs = header ?? (retry.retryAfter ?? 0) * 1000;
  if (Number.isFinite(delayMs) && delayMs <= maxMs) return { delayMs: Math.max(0, delayMs) };
  const asked =
    header === undefined
      ? `the retry action '${retry.name}' asks to wait retryAfter: ${retry.retryAfter} s`
      : `the server asked to wait ${describe(header)} (Retry-After: ${response?.headers['retry-after']})`;
  return {
    error: {
      code: 'retry-after-too-long',
      message:
        `${asked} before retrying step '${stepId}', more than the ${describe(maxMs)} allowed ` +
        `(--max-retry-wait); the step failed: ${cause.message}`,
      stepId,
    },
  };
}

/** `31536000000` → `31536000 s (365 days)`, `300000` → `300 s (5 min)`. */
function describe(ms: number): string {
  if (!Number.isFinite(ms)) return 'forever';
  const s = Math.round(ms / 1000);
  if (s >= 86_400) return `${s} s (${Math.round(s / 86_400)} days)`;
  if (s >= 3_600) return `${s} s (${Math.round(s / 3_600)} h)`;
  if (s >= 60) return `${s} s (${Math.round(s / 60)} min)`;
  return `${ms / 1000} s`;
}
