/**
 * A MessageTransport for dry runs (`telaio run --dry-run`): nothing reaches a broker. `send` returns
 * the SentMessage that would have gone on the wire (payload encoded as a transport would, the
 * chosen server's url) and records it; `subscribe` opens nothing, and its `next()` answers at once
 * with a message made from the declared message schema whose leaves are placeholders
 * (`<orders.confirmed:$message.payload#/orderId>`), so later steps show what they would read. The
 * engine treats that message as the one matching the step's correlationId (no wait, no timeout).
 */
import { encodeMessagePayload } from '../../../adapters/message-payload.js';
import type {
  MessageSubscription,
  MessageTransport,
  ReceivedMessage,
  SentMessage,
} from '../../../adapters/message-transport.js';
import { TransportError } from '../../../adapters/transport.js';

/** What a dry run of a message step recorded. */
export interface DryRunMessageRecord {
  readonly action: 'send' | 'receive';
  /** For `send`: the message as it would have been sent; for `receive`: the placeholder message. */
  readonly message: SentMessage | ReceivedMessage;
}

/** The dry-run transport and what it recorded, in order. */
export interface DryRunMessageTransport extends MessageTransport {
  /** Marks the transport as a dry run: receive steps take its placeholder message whatever their correlationId. */
  readonly dryRun: true;
  readonly records: readonly DryRunMessageRecord[];
}

/** True when `transport` is a dry-run transport (createDryRunMessageTransport). */
export function isDryRunTransport(transport: MessageTransport | undefined): boolean {
  return (transport as { dryRun?: unknown } | undefined)?.dryRun === true;
}

/** Create a dry-run message transport; `onRecord` is told about each message it records. */
export function createDryRunMessageTransport(
  options: { readonly onRecord?: (record: DryRunMessageRecord) => void } = {},
): DryRunMessageTransport {
  const records: DryRunMessageRecord[] = [];
  const record = (entry: DryRunMessageRecord): void => {
    records.push(entry);
    options.onRecord?.(entry);
  };
  return {
    dryRun: true,
    records,
    async send(message) {
      const { target } = message;
      const { body } = encodeMessagePayload(message.payload, message.contentType);
      const server = target.servers[0];
      const sent: SentMessage = {
        serverUrl: target.serverUrl ?? server?.url ?? 'dry-run:',
        protocol: server?.protocol ?? 'dry-run',
        address: target.address,
        headers: { ...message.headers },
        contentType: message.contentType,
        body,
        ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
      };
      record({ action: 'send', message: sent });
      return sent;
    },
    async subscribe(request) {
      let closed = false;
      const { target } = request;
      const declared = request.messages[0];
      const placeholder = (pointer: string): string =>
        `<${target.address}:$message.payload${pointer === '' ? '' : `#${pointer}`}>`;
      const subscription: MessageSubscription = {
        async next() {
          if (closed) throw new TransportError('CLOSED', 'the subscription is closed');
          const payload = exampleOf(declared?.payload, '', placeholder, 0);
          const contentType = declared?.contentType ?? 'application/json';
          const received: ReceivedMessage = {
            serverUrl: target.serverUrl ?? target.servers[0]?.url ?? 'dry-run:',
            address: target.address,
            headers: {},
            payload,
            contentType,
            body: encodeMessagePayload(payload, contentType).body,
          };
          record({ action: 'receive', message: received });
          return received;
        },
        async close() {
          closed = true;
        },
      };
      return subscription;
    },
    async close() {},
  };
}

/** An example of `schema`: objects with their properties, arrays with one item, placeholders at the leaves. */
function exampleOf(
  schema: unknown,
  pointer: string,
  leaf: (pointer: string) => string,
  depth: number,
): unknown {
  const node = (schema ?? {}) as { type?: unknown; properties?: Record<string, unknown>; items?: unknown };
  if (depth > 8) return leaf(pointer);
  if (node.properties !== undefined && typeof node.properties === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, sub] of Object.entries(node.properties))
      out[name] = exampleOf(
        sub,
        `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        leaf,
        depth + 1,
      );
    return out;
  }
  if (node.type === 'array') return [exampleOf(node.items, `${pointer}/0`, leaf, depth + 1)];
  return leaf(pointer);
}
