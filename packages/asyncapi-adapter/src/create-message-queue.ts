import type { MessageSubscription, ReceivedMessage } from '@telaio/core';
import { NEVER_ABORTED, onAbort, TransportError } from '@telaio/core';
import { addDeadline, cancelDeadline, type Deadline } from './receive-deadlines.js';

/** A MessageSubscription's buffer, fed by a protocol client: `push` matching messages, `close` to end. */
export interface MessageQueue extends MessageSubscription {
  /** Hands one received (already filtered) message to the oldest waiting next(), else buffers it. */
  push(message: ReceivedMessage): void;
  /** True once closed (by the caller, or by the transport closing). */
  readonly closed: boolean;
}

const nothing = (): void => undefined;

/** One pending next(): settled once, by a message, its timeout, an abort or close(). */
class Waiter {
  deadline: Deadline | undefined = undefined;
  leave: (() => void) | undefined = undefined;
  constructor(
    private readonly queue: Queue,
    private readonly done: (message: ReceivedMessage) => void,
    private readonly failed: (error: Error) => void,
  ) {}
  private settle(): void {
    if (this.deadline !== undefined) cancelDeadline(this.deadline);
    this.leave?.();
    this.queue.remove(this);
  }
  resolve(message: ReceivedMessage): void {
    this.settle();
    this.done(message);
  }
  reject(error: Error): void {
    this.settle();
    this.failed(error);
  }
}

interface QueueOptions {
  /** The subscribe context's signal: aborting it rejects pending and later next() calls with `ABORTED`. */
  readonly signal: AbortSignal;
  /**
   * What the address was, for error messages; a function when it would be built for each
   * subscription (it is called only when an error is made, so no string is built per message).
   */
  readonly describe: string | (() => string);
  /** Releases the protocol side (once, on the first close()). */
  readonly onClose: () => Promise<void>;
}

/**
 * A class, not an object literal: a literal with a getter (`get closed()`) gets a hidden class of
 * its own per object in V8, and the closures it holds then survive young-generation collections
 * (measured: ~350 KB promoted per scavenge instead of ~7 KB at one subscription per round trip,
 * which old-space collections then had to clean up).
 */
class Queue implements MessageQueue {
  /**
   * Messages not taken yet, made at the first that waits (a receive step's message usually comes
   * while its next() waits: no array per subscription).
   */
  private buffer: ReceivedMessage[] | undefined = undefined;
  /** The oldest pending next(), then the others in order (made only for a second waiter). */
  private first: Waiter | undefined = undefined;
  private others: Waiter[] | undefined = undefined;
  private isClosed = false;
  private closing: Promise<void> | undefined = undefined;
  private readonly leaveSubscription: () => void;
  constructor(private readonly options: QueueOptions) {
    // The subscribe context's signal, listened to once for the subscription's life (not per next());
    // a signal that never aborts is not listened to (no closure per subscription).
    this.leaveSubscription =
      options.signal === NEVER_ABORTED
        ? nothing
        : onAbort(options.signal, () => {
            for (const waiter of this.waiting()) waiter.reject(this.aborted());
          });
  }
  /** Every pending next(), oldest first (a copy: settling one changes the queue). */
  private waiting(): Waiter[] {
    if (this.first === undefined) return [];
    return this.others === undefined ? [this.first] : [this.first, ...this.others];
  }
  /** Forget `waiter` (it settled). */
  remove(waiter: Waiter): void {
    if (this.first === waiter) this.first = this.others?.shift();
    else if (this.others !== undefined) {
      const at = this.others.indexOf(waiter);
      if (at >= 0) this.others.splice(at, 1);
    }
  }
  get closed(): boolean {
    return this.isClosed;
  }
  /** The address in words (built only for an error). */
  private where(): string {
    const { describe } = this.options;
    return typeof describe === 'string' ? describe : describe();
  }
  private aborted(): TransportError {
    return new TransportError('ABORTED', `receive on ${this.where()} aborted`);
  }
  push(message: ReceivedMessage): void {
    if (this.isClosed) return;
    const waiter = this.first;
    if (waiter !== undefined) waiter.resolve(message);
    else if (this.buffer === undefined) this.buffer = [message];
    else this.buffer.push(message);
  }
  next(
    nextOptions: { readonly signal?: AbortSignal; readonly timeoutMs?: number } = {},
  ): Promise<ReceivedMessage> {
    const { options } = this;
    if (this.isClosed)
      return Promise.reject(new TransportError('CLOSED', `subscription to ${this.where()} is closed`));
    const outer = options.signal;
    const own = nextOptions.signal;
    if (outer.aborted || own?.aborted === true) return Promise.reject(this.aborted());
    const buffered = this.buffer?.shift();
    if (buffered !== undefined) return Promise.resolve(buffered);
    return new Promise<ReceivedMessage>((resolve, reject) => {
      const waiter = new Waiter(this, resolve, reject);
      if (this.first === undefined) this.first = waiter;
      else if (this.others === undefined) this.others = [waiter];
      else this.others.push(waiter);
      // One listener per signal however many waits share it (core's onAbort): sixteen receives
      // under one run's signal never trip MaxListenersExceededWarning. The subscribe context's
      // signal is listened to once for the whole subscription (above).
      if (own !== undefined && own !== outer)
        waiter.leave = onAbort(own, () => waiter.reject(this.aborted()));
      const { timeoutMs } = nextOptions;
      // One timer for all waits of the process (receive-deadlines.ts), not a setTimeout per wait.
      if (timeoutMs !== undefined)
        waiter.deadline = addDeadline(timeoutMs, () =>
          waiter.reject(
            new TransportError('TIMEOUT', `no matching message on ${this.where()} within ${timeoutMs} ms`),
          ),
        );
    });
  }
  close(): Promise<void> {
    if (this.closing !== undefined) return this.closing;
    this.isClosed = true;
    this.leaveSubscription();
    this.buffer = undefined;
    for (const waiter of this.waiting())
      waiter.reject(new TransportError('CLOSED', `subscription to ${this.where()} is closed`));
    this.closing = this.options.onClose();
    return this.closing;
  }
}

/**
 * The buffer behind every subscription of this package: messages kept in arrival order until taken,
 * next() with its own timeout and signals (the subscribe context's and the call's), close() that
 * rejects pending waits with `CLOSED` and then runs `onClose` (unsubscribe, cancel the consumer).
 */
export function createMessageQueue(options: QueueOptions): MessageQueue {
  return new Queue(options);
}
