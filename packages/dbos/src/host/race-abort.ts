import { raceAbort as raceAbortWith } from '@telaio/core';

/** The reason a signal aborted with, as an Error (what the engine's abortable waits reject with). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Settle as `work` settles, or reject with the signal's reason as soon as `signal` aborts. DBOS's
 * durable sleep and `recv` cannot be interrupted: the run leaves them behind (core's raceAbort
 * handles their late rejection) and ends aborted, as the engine expects of a cancelled wait.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return raceAbortWith(work, signal, () => abortReason(signal));
}
