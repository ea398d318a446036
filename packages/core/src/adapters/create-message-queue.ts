/**
 * The buffer behind a MessageSubscription, for any message transport: matching messages queue from
 * the moment the subscription exists, `next()` takes the oldest or waits for one (bounded by its
 * timeout and signals), and closing rejects every waiter. A transport feeds it with `push`.
 */
import { matchesCorrelation } from './match-correlation.js';
import type { CorrelationFilter, MessageSubscription, ReceivedMessage } from './message-transport.js';
import { onAbort } from './on-abort.js';
import { TransportError } from './transport.js';

/** A MessageSubscription a transport pushes received messages into. */
export interface MessageQueue extends MessageSubscription {
  /** Offer a received message: queued (or handed to a waiter) when it passes the correlation filter. */
  push(message: ReceivedMessage): void;
  /** True once closed (by close(), the subscribe signal, or the transport). */
  readonly closed: boolean;
}

/** How a queue closed: the code and message of the error its waits reject with. */
interface ClosedAs {
  readonly code: 'CLOSED' | 'ABORTED';
  readonly message: string;
}
const CLOSED: ClosedAs = { code: 'CLOSED', message: 'the subscription is closed' };
const ABORTED: ClosedAs = { code: 'ABORTED', message: 'the subscription was aborted' };

interface Waiter {
  resolve(message: ReceivedMessage): void;
  reject(error: TransportError): void;
}

/**
 * A queue for one subscription. `signal` (the subscribe context's) closes it with `ABORTED`;
 * `onClose` runs once when it closes, however (unsubscribe at the broker, drop the listener).
 */
export function createMessageQueue(options: {
  readonly correlation?: CorrelationFilter;
  readonly signal?: AbortSignal;
  readonly onClose?: () => void | Promise<void>;
}): MessageQueue {
  const buffer: ReceivedMessage[] = [];
  const waiters = new Set<Waiter>();
  // Why it closed; the error itself is made only when something is rejected with it (a pending or a
  // later next()): an Error captures a stack, which costs more than the rest of a subscription, and
  // most subscriptions close with nothing waiting.
  let closedAs: ClosedAs | undefined;
  let closedError: TransportError | undefined;
  const closed = (): TransportError => {
    if (closedError === undefined) {
      const { code, message } = closedAs as ClosedAs;
      closedError = new TransportError(code, message);
    }
    return closedError;
  };
  let closing: Promise<void> | undefined;
  let leaveSignal: (() => void) | undefined;
  const shut = (as: ClosedAs): Promise<void> => {
    if (closing !== undefined) return closing;
    closedAs = as;
    queue.closed = true;
    buffer.length = 0;
    if (waiters.size > 0) {
      const error = closed();
      for (const waiter of [...waiters]) waiter.reject(error);
      waiters.clear();
    }
    leaveSignal?.();
    closing = Promise.resolve().then(() => options.onClose?.());
    return closing;
  };
  // `closed` is a data property, not a getter: an object literal with an accessor gets a hidden
  // class of its own per object in V8, and the closures it holds then survive young-generation
  // collections (one queue per subscription, one subscription per receive step run).
  const queue: { -readonly [K in keyof MessageQueue]: MessageQueue[K] } = {
    closed: false,
    push(message) {
      if (closedAs !== undefined || !matchesCorrelation(message, options.correlation)) return;
      const waiter = waiters.values().next().value;
      if (waiter === undefined) buffer.push(message);
      else waiter.resolve(message);
    },
    next(nextOptions = {}) {
      if (closedAs !== undefined) return Promise.reject(closed());
      const ready = buffer.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      const { timeoutMs, signal } = nextOptions;
      if (signal?.aborted === true)
        return Promise.reject(new TransportError('ABORTED', 'the wait for a message was aborted'));
      return new Promise<ReceivedMessage>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let leave: (() => void) | undefined;
        const settle = (): void => {
          waiters.delete(waiter);
          if (timer !== undefined) clearTimeout(timer);
          leave?.();
        };
        const waiter: Waiter = {
          resolve: (message) => {
            settle();
            resolve(message);
          },
          reject: (error) => {
            settle();
            reject(error);
          },
        };
        waiters.add(waiter);
        if (signal !== undefined)
          leave = onAbort(signal, () =>
            waiter.reject(new TransportError('ABORTED', 'the wait for a message was aborted')),
          );
        if (timeoutMs !== undefined) {
          timer = setTimeout(
            () => waiter.reject(new TransportError('TIMEOUT', `no matching message within ${timeoutMs} ms`)),
            Math.min(Math.max(0, timeoutMs), 2 ** 31 - 1),
          );
        }
      });
    },
    close() {
      return shut(CLOSED);
    },
  };
  // After `queue` exists: a signal aborted already closes it at once.
  if (options.signal !== undefined)
    leaveSignal = onAbort(options.signal, () => {
      void shut(ABORTED);
    });
  return queue;
}
