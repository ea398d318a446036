/** The default SleepFunction: setTimeout that rejects with an AbortError-like error when the signal aborts. */
import type { SleepFunction } from '../engine-types.js';

/** Wait `ms` milliseconds, rejecting early with `signal.reason` when the run is cancelled. */
export const abortableSleep: SleepFunction = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason ?? new Error('aborted'));
      return;
    }
    if (ms <= 0) {
      resolve();
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
