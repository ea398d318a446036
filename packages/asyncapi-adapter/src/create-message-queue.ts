import type { MessageSubscription, ReceivedMessage } from '@telaio/core';
import { onAbort, TransportError } from '@telaio/core';

/** A MessageSubscription's buffer, fed by a protocol client: `push` matching messages, `close` to end. */
export interface MessageQueue extends MessageSubscription {
  /** Hands one received (already filtered) message to the oldest waiting next(), else buffers it. */
  push(message: ReceivedMessage): void;
  /** True once closed (by the caller, or by the transport closing). */
  readonly closed: boolean;
}

interface Waiter {
  resolve(message: ReceivedMessage): void;
  reject(error: Error): void;
}

/**
 * The buffer behind every subscription of this package: messages kept in arrival order until taken,
 * next() with its own timeout and signals (the subscribe context's and the call's), close() that
 * rejects pending waits with `CLOSED` and then runs `onClose` (unsubscribe, cancel the consumer).
 */
export function createMessageQueue(options: {
  /** The subscribe context's signal: aborting it rejects pending and later next() calls with `ABORTED`. */
  readonly signal: AbortSignal;
  /** What the address was, for error messages. */
  readonly describe: string;
  /** Releases the protocol side (once, on the first close()). */
  readonly onClose: () => Promise<void>;
}): MessageQueue {
  const buffer: ReceivedMessage[] = [];
  const waiters: Waiter[] = [];
  let closed = false;
  let closing: Promise<void> | undefined;
  const aborted = (): TransportError =>
    new TransportError('ABORTED', `receive on ${options.describe} aborted`);
  // The subscribe context's signal, listened to once for the subscription's life (not per next()).
  const leaveSubscription = onAbort(options.signal, () => {
    for (const waiter of [...waiters]) waiter.reject(aborted());
  });
  return {
    get closed() {
      return closed;
    },
    push(message) {
      if (closed) return;
      const waiter = waiters.shift();
      if (waiter === undefined) buffer.push(message);
      else waiter.resolve(message);
    },
    next(nextOptions = {}) {
      if (closed)
        return Promise.reject(new TransportError('CLOSED', `subscription to ${options.describe} is closed`));
      const outer = options.signal;
      const own = nextOptions.signal;
      if (outer.aborted || own?.aborted === true) return Promise.reject(aborted());
      const first = buffer.shift();
      if (first !== undefined) return Promise.resolve(first);
      return new Promise<ReceivedMessage>((resolve, reject) => {
        let timer: NodeJS.Timeout | undefined;
        // One listener per signal however many waits share it (core's onAbort): sixteen receives
        // under one run's signal never trip MaxListenersExceededWarning. The subscribe context's
        // signal is listened to once for the whole subscription (above).
        let leaveOwn: (() => void) | undefined;
        const settle = (then: () => void): void => {
          if (timer !== undefined) clearTimeout(timer);
          leaveOwn?.();
          const at = waiters.indexOf(waiter);
          if (at >= 0) waiters.splice(at, 1);
          then();
        };
        const waiter: Waiter = {
          resolve: (message) => settle(() => resolve(message)),
          reject: (error) => settle(() => reject(error)),
        };
        waiters.push(waiter);
        if (own !== undefined && own !== outer) leaveOwn = onAbort(own, () => waiter.reject(aborted()));
        if (nextOptions.timeoutMs !== undefined)
          timer = setTimeout(
            () =>
              waiter.reject(
                new TransportError(
                  'TIMEOUT',
                  `no matching message on ${options.describe} within ${nextOptions.timeoutMs} ms`,
                ),
              ),
            Math.min(Math.max(0, nextOptions.timeoutMs), 2 ** 31 - 1),
          );
      });
    },
    close() {
      if (closing !== undefined) return closing;
      closed = true;
      leaveSubscription();
      buffer.length = 0;
      for (const waiter of [...waiters])
        waiter.reject(new TransportError('CLOSED', `subscription to ${options.describe} is closed`));
      closing = options.onClose();
      return closing;
    },
  };
}
