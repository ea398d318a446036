/**
 * Values sent to runs from outside, by run id and name, for the hosts that live in one process (the
 * process host and the in-memory host): a value sent before the run waits is kept until it does;
 * each wait takes the oldest value (as DBOS `recv` consumes the next message of its topic).
 */
import { onAbort } from '../adapters/on-abort.js';
import type { WaitOutcome } from './host-types.js';
import type { JournalValue } from './journal-value.js';

/** A mailbox of values addressed to runs. */
export interface Mailbox {
  /** Deliver `value` to the run's next (or current) wait for `name`. */
  send(runId: string, name: string, value: JournalValue): void;
  /** Take the next value for `name`, waiting up to `timeoutMs` (undefined: until `signal` aborts). */
  take(options: {
    readonly runId: string;
    readonly name: string;
    readonly timeoutMs?: number;
    readonly signal: AbortSignal;
  }): Promise<WaitOutcome>;
}

type Waiter = (value: JournalValue) => void;

/** Create an empty mailbox. */
export function createMailbox(): Mailbox {
  const values = new Map<string, JournalValue[]>();
  const waiters = new Map<string, Waiter[]>();
  const keyOf = (runId: string, name: string): string => `${runId}\u0000${name}`;
  return {
    send(runId, name, value) {
      const key = keyOf(runId, name);
      const waiter = waiters.get(key)?.shift();
      if (waiter !== undefined) waiter(value);
      else values.set(key, [...(values.get(key) ?? []), value]);
    },
    take({ runId, name, timeoutMs, signal }) {
      const key = keyOf(runId, name);
      const queued = values.get(key);
      if (queued !== undefined && queued.length > 0) {
        const value = queued.shift() as JournalValue;
        return Promise.resolve({ value });
      }
      return new Promise<WaitOutcome>((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason ?? new Error('aborted'));
          return;
        }
        const leave = (): void => {
          const list = waiters.get(key) ?? [];
          const at = list.indexOf(waiter);
          if (at >= 0) list.splice(at, 1);
          if (timer !== undefined) clearTimeout(timer);
          stopListening?.();
        };
        const waiter: Waiter = (value) => {
          leave();
          resolve({ value });
        };
        let stopListening: (() => void) | undefined;
        const timer =
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                leave();
                resolve({ timedOut: true });
              }, timeoutMs);
        waiters.set(key, [...(waiters.get(key) ?? []), waiter]);
        stopListening = onAbort(signal, () => {
          leave();
          reject(signal.reason ?? new Error('aborted'));
        });
      });
    },
  };
}
