import { NEVER_ABORTED, onAbort } from './on-abort.js';

/**
 * Settles as `work` settles, or rejects with `reason()` as soon as `signal` aborts, whichever comes
 * first; the abort listener is removed when `work` settles. For waits that cannot be interrupted
 * themselves (a broker's connect, a durable engine's sleep): the caller stops waiting and `work` is
 * left behind, its late rejection handled here so it is never reported as unhandled.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal, reason: () => unknown): Promise<T> {
  // Nothing to race (a run given no signal): the work itself, no wrapper promise.
  if (signal === NEVER_ABORTED) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(reason());
  }
  return new Promise<T>((resolve, reject) => {
    const leave = onAbort(signal, () => reject(reason()));
    work.then(
      (value) => {
        leave();
        resolve(value);
      },
      (error: unknown) => {
        leave();
        reject(error);
      },
    );
  });
}
