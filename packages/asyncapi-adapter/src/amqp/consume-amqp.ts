import type { MessageContext, MessageSubscription, ReceivedMessage, SubscribeRequest } from '@telaio/core';
import { matchesCorrelation } from '@telaio/core';
import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib';
import { createMessageQueue } from '../create-message-queue.js';
import { decodePayload } from '../decode-payload.js';
import { raceTransportAbort, toTransportError } from '../to-transport-error.js';
import type { AmqpRoute } from './amqp-route.js';
import { declareAmqpRoute } from './declare-amqp-route.js';
import type { AmqpConnection } from './open-amqp-connection.js';

/**
 * One subscription on its own channel: the route declared, the queue it reads (the route's queue,
 * or a private exclusive queue bound to the exchange with the routing key), consuming without acks;
 * resolved once the broker confirmed the consumer. After a reconnection the same is done again on a
 * new channel. close() closes the channel (the consumer, and a private queue, go with it).
 */
export async function consumeAmqp(options: {
  readonly connection: AmqpConnection;
  readonly target: AmqpRoute;
  readonly request: SubscribeRequest;
  readonly context: MessageContext;
  readonly what: string;
  readonly serverUrl: string;
}): Promise<MessageSubscription> {
  const { connection, target, request, context, what } = options;
  let channel: Channel | undefined;
  const queue = createMessageQueue({
    signal: context.signal,
    describe: what.replace(/^consume from /, ''),
    onClose: async () => {
      stopRestoring();
      await channel?.close().catch(() => undefined);
    },
  });
  const onMessage = (m: ConsumeMessage | null): void => {
    if (m === null) return;
    const received = toReceived(m, options.serverUrl, request);
    if (matchesCorrelation(received, request.correlation)) queue.push(received);
  };
  const start = async (open: () => Promise<Channel>): Promise<void> => {
    const ch = await open();
    ch.on('error', () => undefined);
    channel = ch;
    await declareAmqpRoute(ch, target);
    let name: string;
    if (target.is === 'queue') name = target.queue;
    else if (target.exchange === '') name = target.routingKey;
    else {
      name = (await ch.assertQueue('', { exclusive: true, autoDelete: true, durable: false })).queue;
      await ch.bindQueue(name, target.exchange, target.routingKey);
    }
    await ch.consume(name, onMessage, { noAck: true });
    if (queue.closed) await ch.close().catch(() => undefined);
  };
  const stopRestoring = connection.onReconnect((model: ChannelModel) =>
    start(() => model.createChannel()).catch(() => undefined),
  );
  try {
    await raceTransportAbort(
      start(() => connection.channel()),
      context.signal,
      what,
    );
  } catch (error) {
    await queue.close();
    throw toTransportError(error, what);
  }
  return queue;
}

function toReceived(m: ConsumeMessage, serverUrl: string, request: SubscribeRequest): ReceivedMessage {
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries((m.properties.headers ?? {}) as Record<string, unknown>))
    headers[name] = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  const decoded = decodePayload(m.content, m.properties.contentType as string | undefined, request.messages);
  const correlation = m.properties.correlationId as string | undefined;
  return {
    serverUrl,
    address: m.fields.routingKey,
    headers,
    payload: decoded.payload,
    ...(decoded.contentType === undefined ? {} : { contentType: decoded.contentType }),
    ...(correlation === undefined ? {} : { correlationId: String(correlation) }),
    body: decoded.body,
  };
}
