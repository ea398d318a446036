/**
 * Settles as `work` settles, or rejects with `reason()` as soon as `signal` aborts, whichever comes
 * first; the abort listener is removed when `work` settles. For waits that cannot be interrupted
 * themselves (a broker's connect, a durable engine's sleep): the caller stops waiting and `work` is
 * left behind, its late rejection handled here so it is never reported as unhandled.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal, reason: () => unknown): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(reason());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
