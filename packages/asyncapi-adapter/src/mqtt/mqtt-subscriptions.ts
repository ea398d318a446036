import type { MessageContext, MessageSubscription, ReceivedMessage, SubscribeRequest } from '@telaio/core';
import { matchesCorrelation, NEVER_ABORTED, onAbort, TransportError } from '@telaio/core';
import type { IPublishPacket, MqttClient } from 'mqtt';
import { createMessageQueue, type MessageQueue } from '../create-message-queue.js';
import { decodePayload } from '../decode-payload.js';
import type { ClientRoute } from '../protocol-client.js';
import { toTransportError } from '../to-transport-error.js';
import { matchTopic } from './match-topic.js';

type Obj = Readonly<Record<string, unknown>>;

/** The MQTT operation binding of an operation without one (no object per subscription). */
const NO_BINDING: Obj = Object.freeze({});

/** Filters without subscriptions kept in a connection's map before they are swept out. */
const STALE_MAX = 64;

/** A settled promise for a release with nothing to wait for. */
const DONE: Promise<void> = Promise.resolve();

/** SUBSCRIBE options by QoS, shared (mqtt.js copies the options it is given, never writes them). */
const SUBSCRIBE_OPTIONS = [
  Object.freeze({ qos: 0 }),
  Object.freeze({ qos: 1 }),
  Object.freeze({ qos: 2 }),
] as const;

/** An MQTT topic filter with a wildcard level (`+` or `#`). */
const WILDCARD = /[+#]/;

/** The subscriptions of one MQTT client: topic filters counted, messages dispatched by filter. */
export interface MqttSubscriptions {
  add(
    request: SubscribeRequest,
    route: ClientRoute,
    context: MessageContext,
    /** What is being done, for errors (built only then: no string per subscription). */
    what: () => string,
  ): Promise<MessageSubscription>;
  closeAll(): Promise<void>;
}

interface Entry {
  readonly filter: string;
  readonly request: SubscribeRequest;
  readonly queue: MessageQueue;
}

/**
 * Subscriptions over one client: SUBSCRIBE once per topic filter (QoS from the receive operation's
 * MQTT binding, default 0), resolved on SUBACK; every PUBLISH handed to each subscription whose
 * filter matches its topic and whose correlation filter it passes; UNSUBSCRIBE when the last
 * subscription of a filter closes.
 */
export function createMqttSubscriptions(client: MqttClient, server: string): MqttSubscriptions {
  // Entries by filter: a topic is looked up among the filters without wildcards (one Map get), and
  // tested only against the wildcard ones, however many subscriptions the connection holds.
  const byFilter = new Map<string, Entry[]>();
  /** Filters in byFilter whose list is empty (no subscription left; kept, see release). */
  let stale = 0;
  const wildcards = new Set<Entry>();
  const offer = (entry: Entry, topic: string, payload: Buffer, packet: IPublishPacket): void => {
    const message = toReceived(server, topic, payload, packet, entry.request);
    if (matchesCorrelation(message, entry.request.correlation)) entry.queue.push(message);
  };
  client.on('message', (topic: string, payload: Buffer, packet: IPublishPacket) => {
    // A topic holds no wildcard, so the filters equal to it are exact ones.
    const exact = byFilter.get(topic);
    if (exact !== undefined) for (const entry of exact) offer(entry, topic, payload, packet);
    for (const entry of wildcards) if (matchTopic(entry.filter, topic)) offer(entry, topic, payload, packet);
  });
  const release = (entry: Entry): Promise<void> => {
    const same = byFilter.get(entry.filter);
    const at = same?.indexOf(entry) ?? -1;
    if (same === undefined || at < 0) return DONE;
    wildcards.delete(entry);
    if (same.length > 1) {
      same.splice(at, 1);
      return DONE;
    }
    // The last one out leaves its filter's list, empty, in the map: deleting the key makes V8 shrink
    // and reallocate the map's table whenever it empties (per round trip at one subscription at a
    // time), and the next subscription to the filter takes the list again. Empty lists are swept
    // once there are more than STALE_MAX of them.
    same.pop();
    stale += 1;
    if (stale > STALE_MAX) {
      for (const [filter, list] of byFilter) if (list.length === 0) byFilter.delete(filter);
      stale = 0;
    }
    if (client.disconnecting) return DONE;
    // One promise for the UNSUBSCRIBE (resolved on UNSUBACK, or on failure: nothing to undo).
    return new Promise<void>((resolve) => {
      client.unsubscribe(entry.filter, () => resolve());
    });
  };
  return {
    add(request, _route, context, what) {
      const filter = request.target.address;
      const binding: Obj = (request.target.operationBindings.mqtt as Obj | undefined) ?? NO_BINDING;
      const qos = binding.qos === 1 || binding.qos === 2 ? binding.qos : 0;
      const queue = createMessageQueue({
        signal: context.signal,
        describe: () => `${server} topic '${filter}'`,
        onClose: () => release(entry),
      });
      const entry: Entry = { filter, request, queue };
      const same = byFilter.get(filter);
      if (same === undefined) byFilter.set(filter, [entry]);
      else {
        if (same.length === 0) stale -= 1;
        same.push(entry);
      }
      if (WILDCARD.test(filter)) wildcards.add(entry);
      // One promise for the SUBSCRIBE, its grant and the abort (no async layer around it); a failure
      // closes the queue (and the filter's count) before it rejects.
      return new Promise<MessageSubscription>((resolve, reject) => {
        // Settled by the first of: the grant, a refusal, the abort (a late SUBACK changes nothing).
        let settled = false;
        let leave = (): void => undefined;
        const fail = (error: unknown): void => {
          if (settled) return;
          settled = true;
          leave();
          const rejectIt = () => reject(toTransportError(error, what()));
          queue.close().then(rejectIt, rejectIt);
        };
        if (context.signal.aborted) {
          fail(new TransportError('ABORTED', `${what()}: aborted`));
          return;
        }
        // A signal that never aborts (a run without one of its own) is not listened to: no closure for it.
        if (context.signal !== NEVER_ABORTED)
          leave = onAbort(context.signal, () => fail(new TransportError('ABORTED', `${what()}: aborted`)));
        client.subscribe(filter, SUBSCRIBE_OPTIONS[qos], (error, grants) => {
          if (error !== undefined && error !== null) fail(error);
          else if ((grants ?? []).some((g) => g.qos === 128 || g.qos > 2))
            fail(new TransportError('NOT_AUTHORIZED', `${what()}: the broker refused the subscription`));
          else if (!settled) {
            settled = true;
            leave();
            resolve(queue);
          }
        });
      });
    },
    async closeAll() {
      const all = [...byFilter.values()].flat();
      await Promise.all(all.map((entry) => entry.queue.close()));
    },
  };
}

function toReceived(
  server: string,
  topic: string,
  payload: Buffer,
  packet: IPublishPacket,
  request: SubscribeRequest,
): ReceivedMessage {
  const properties = packet.properties;
  const headers: Record<string, unknown> = {};
  const user = properties?.userProperties;
  if (user !== undefined)
    for (const [name, value] of Object.entries(user))
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
  const decoded = decodePayload(payload, properties?.contentType, request.messages);
  const correlation = properties?.correlationData;
  // MQTT 3.1.1 (no properties): the common shape, without spreading empty objects.
  if (decoded.contentType === undefined && correlation === undefined)
    return { serverUrl: server, address: topic, headers, payload: decoded.payload, body: decoded.body };
  return {
    serverUrl: server,
    address: topic,
    headers,
    payload: decoded.payload,
    ...(decoded.contentType === undefined ? {} : { contentType: decoded.contentType }),
    ...(correlation === undefined ? {} : { correlationId: Buffer.from(correlation).toString('utf8') }),
    body: decoded.body,
  };
}
