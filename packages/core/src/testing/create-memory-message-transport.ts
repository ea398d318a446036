/**
 * An in-memory MessageTransport for tests, examples and benchmarks: a broker inside the process with
 * MQTT-style topic matching (`+` one level, `#` the rest), messages copied through their bytes as a
 * wire would (so a payload is never shared by reference), and a hook where a test's service replies.
 */
import { createMessageQueue, type MessageQueue } from '../adapters/create-message-queue.js';
import { decodeMessagePayload, encodeMessagePayload } from '../adapters/message-payload.js';
import type { MessageTransport, ReceivedMessage, SentMessage } from '../adapters/message-transport.js';
import { TransportError } from '../adapters/transport.js';

/** A message a service publishes on the in-memory broker. */
export interface MemoryPublish {
  readonly address: string;
  readonly payload?: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, unknown>>;
  readonly correlationId?: string;
}

/** A message sent through the transport, as a listener sees it: what went on the wire plus its decoded payload. */
export interface MemorySent extends SentMessage {
  readonly payload: unknown;
}

/** The in-memory transport and its broker. */
export interface MemoryMessageTransport extends MessageTransport {
  /** Every message sent through send(), in order. */
  readonly sent: readonly MemorySent[];
  /** Deliver a message to every open subscription whose address matches (a service publishing). */
  publish(message: MemoryPublish): void;
  /** Called for each sent message after it reached the subscriptions: a service replies here. Returns an unsubscribe. */
  onSend(listener: (message: MemorySent) => void): () => void;
  /** Subscriptions open now (0 after close()). */
  readonly openSubscriptions: number;
}

const SERVER_URL = 'memory://broker';

/** True when a subscription `filter` (MQTT wildcards `+`, `#`) covers `address`. */
export function addressMatches(filter: string, address: string): boolean {
  if (!filter.includes('+') && !filter.includes('#')) return filter === address;
  const want = filter.split('/');
  const have = address.split('/');
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '#') return true;
    if (i >= have.length || (want[i] !== '+' && want[i] !== have[i])) return false;
  }
  return want.length === have.length;
}

/** Create an in-memory message transport with its own broker. */
export function createMemoryMessageTransport(): MemoryMessageTransport {
  const sent: MemorySent[] = [];
  const subscriptions = new Set<{ address: string; queue: MessageQueue }>();
  const listeners = new Set<(message: MemorySent) => void>();
  let closed = false;
  const deliver = (message: MemoryPublish): void => {
    const contentType = message.contentType ?? 'application/json';
    const { bytes } = encodeMessagePayload(message.payload, contentType);
    for (const sub of [...subscriptions]) {
      if (!addressMatches(sub.address, message.address)) continue;
      const { payload, body } = decodeMessagePayload(new Uint8Array(bytes), contentType);
      const received: ReceivedMessage = {
        serverUrl: SERVER_URL,
        address: message.address,
        headers: structuredClone({ ...(message.headers ?? {}) }),
        payload,
        contentType,
        body,
        ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
      };
      sub.queue.push(received);
    }
  };
  const refuseClosed = (): void => {
    if (closed) throw new TransportError('CLOSED', 'the in-memory message transport is closed');
  };
  return {
    sent,
    get openSubscriptions() {
      return subscriptions.size;
    },
    publish(message) {
      refuseClosed();
      deliver(message);
    },
    onSend(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async send(message, context) {
      refuseClosed();
      if (context.signal.aborted) throw new TransportError('ABORTED', 'the send was aborted');
      const { address } = message.target;
      const { body } = encodeMessagePayload(message.payload, message.contentType);
      const record: MemorySent = {
        serverUrl: message.target.serverUrl ?? message.target.servers[0]?.url ?? SERVER_URL,
        protocol: message.target.servers[0]?.protocol ?? 'memory',
        address,
        headers: { ...message.headers },
        contentType: message.contentType,
        body,
        payload: message.payload,
        ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
      };
      sent.push(record);
      deliver({ ...message, address });
      for (const listener of [...listeners]) listener(record);
      return record;
    },
    async subscribe(request, context) {
      refuseClosed();
      if (context.signal.aborted) throw new TransportError('ABORTED', 'the subscription was aborted');
      const entry = {
        address: request.target.address,
        queue: createMessageQueue({
          ...(request.correlation === undefined ? {} : { correlation: request.correlation }),
          signal: context.signal,
          onClose: () => {
            subscriptions.delete(entry);
          },
        }),
      };
      subscriptions.add(entry);
      return entry.queue;
    },
    async close() {
      closed = true;
      listeners.clear();
      await Promise.all([...subscriptions].map((sub) => sub.queue.close()));
      subscriptions.clear();
    },
  };
}
