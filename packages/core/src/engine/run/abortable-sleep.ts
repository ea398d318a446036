/** The default SleepFunction: setTimeout that rejects with an AbortError-like error when the signal aborts. */
import { onAbort } from '../../adapters/on-abort.js';
import type { SleepFunction } from '../engine-types.js';

/** The longest delay setTimeout takes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

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
    // setTimeout holds at most 2^31-1 ms (about 24.8 days); longer waits are chained, never
    // handed to Node (which would warn TimeoutOverflowWarning and fire at once).
    const end = Date.now() + ms;
    let timer: NodeJS.Timeout;
    const leave = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal.reason ?? new Error('aborted'));
    });
    const arm = (): void => {
      const left = end - Date.now();
      if (left <= 0) {
        leave();
        resolve();
        return;
      }
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    };
    arm();
  });
