import type { MessageContext, OutgoingMessage, SentMessage, SubscribeRequest } from '@telaio/core';
import { TransportError } from '@telaio/core';
import type { Channel } from 'amqplib';
import { encodePayload } from '../encode-payload.js';
import type { ClientRoute, ProtocolClient, ProtocolClientFactory } from '../protocol-client.js';
import { raceTransportAbort, toTransportError } from '../to-transport-error.js';
import { amqpPublishOptions } from './amqp-publish-options.js';
import { amqpRoute } from './amqp-route.js';
import { consumeAmqp } from './consume-amqp.js';
import { declareAmqpRoute } from './declare-amqp-route.js';
import { type AmqpConnection, openAmqpConnection } from './open-amqp-connection.js';

/**
 * AMQP 0-9-1 (`amqp://`, `amqps://`) over amqplib: one connection per server, vhost and login,
 * recovered when lost; one publishing channel per connection (routes declared once on it), one
 * channel per subscription. The AsyncAPI AMQP bindings choose exchange or queue, and set the basic
 * properties.
 */
export const createAmqpClient: ProtocolClientFactory = (options): ProtocolClient => {
  const connections = new Map<string, Promise<AmqpConnection>>();
  const publishers = new Map<AmqpConnection, Promise<{ channel: Channel; declared: Set<string> }>>();
  let closed = false;

  const connectionFor = (route: ClientRoute, vhost: string, what: string): Promise<AmqpConnection> => {
    if (closed) return Promise.reject(new TransportError('CLOSED', 'the message transport is closed'));
    const key = `${route.chosen.url.host}\n${vhost}\n${route.login.key}`;
    let opening = connections.get(key);
    if (opening === undefined) {
      opening = openAmqpConnection(route, vhost, options, what);
      connections.set(key, opening);
      opening.catch(() => connections.delete(key));
    }
    return opening;
  };
  const publisherFor = (connection: AmqpConnection) => {
    let publisher = publishers.get(connection);
    if (publisher === undefined) {
      publisher = connection.channel().then((channel) => {
        channel.on('close', () => publishers.delete(connection));
        return { channel, declared: new Set<string>() };
      });
      publishers.set(connection, publisher);
      publisher.catch(() => publishers.delete(connection));
    }
    return publisher;
  };
  const vhostOf = (route: ClientRoute, bindingVhost: string | undefined): string =>
    bindingVhost ?? (decodeURIComponent(route.chosen.url.pathname.replace(/^\//, '')) || '/');
  const server = (route: ClientRoute): string => `${route.chosen.url.protocol}//${route.chosen.url.host}`;

  return {
    async send(message: OutgoingMessage, route: ClientRoute, context: MessageContext): Promise<SentMessage> {
      const target = amqpRoute(message.target);
      const where =
        target.is === 'queue'
          ? `queue '${target.queue}'`
          : `exchange '${target.exchange}' key '${target.routingKey}'`;
      const what = `publish to ${server(route)} ${where}`;
      const vhost = vhostOf(route, target.vhost);
      const { bytes, body } = encodePayload(message.payload);
      const properties = amqpPublishOptions(message);
      try {
        const connection = await raceTransportAbort(connectionFor(route, vhost, what), context.signal, what);
        const publisher = await raceTransportAbort(publisherFor(connection), context.signal, what);
        const key = JSON.stringify(target);
        if (!publisher.declared.has(key)) {
          await raceTransportAbort(declareAmqpRoute(publisher.channel, target), context.signal, what);
          publisher.declared.add(key);
        }
        const written =
          target.is === 'queue'
            ? publisher.channel.sendToQueue(target.queue, bytes, properties)
            : publisher.channel.publish(target.exchange, target.routingKey, bytes, properties);
        if (!written)
          await raceTransportAbort(
            new Promise<void>((resolve) => publisher.channel.once('drain', () => resolve())),
            context.signal,
            what,
          );
      } catch (error) {
        throw toTransportError(error, what);
      }
      return {
        serverUrl: `${server(route)}/${encodeURIComponent(vhost)}`,
        protocol: route.chosen.protocol,
        address: target.is === 'queue' ? target.queue : target.routingKey,
        headers: message.headers,
        contentType: message.contentType,
        body,
        ...(message.correlationId === undefined ? {} : { correlationId: message.correlationId }),
      };
    },
    async subscribe(request: SubscribeRequest, route: ClientRoute, context: MessageContext) {
      const target = amqpRoute(request.target);
      const where =
        target.is === 'queue'
          ? `queue '${target.queue}'`
          : `exchange '${target.exchange}' key '${target.routingKey}'`;
      const what = `consume from ${server(route)} ${where}`;
      const vhost = vhostOf(route, target.vhost);
      const connection = await raceTransportAbort(connectionFor(route, vhost, what), context.signal, what);
      return consumeAmqp({
        connection,
        target,
        request,
        context,
        what,
        serverUrl: `${server(route)}/${encodeURIComponent(vhost)}`,
      });
    },
    async close() {
      closed = true;
      const all = [...connections.values()];
      connections.clear();
      publishers.clear();
      await Promise.all(all.map(async (opening) => (await opening.catch(() => undefined))?.close()));
    },
  };
};
