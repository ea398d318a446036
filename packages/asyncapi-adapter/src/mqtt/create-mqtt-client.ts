import type { MessageContext, OutgoingMessage, SentMessage, SubscribeRequest } from '@telaio/core';
import { NEVER_ABORTED, onAbort, TransportError } from '@telaio/core';
import type { MqttClient } from 'mqtt';
import type { ClientRoute, ProtocolClient, ProtocolClientFactory } from '../protocol-client.js';
import { raceTransportAbort, toTransportError } from '../to-transport-error.js';
import { mqttConnectOptions, mqttVersionOf } from './mqtt-connect-options.js';
import { mqttPublishOptions } from './mqtt-publish-options.js';
import { createMqttSubscriptions, type MqttSubscriptions } from './mqtt-subscriptions.js';
import { openMqttConnection } from './open-mqtt-connection.js';

const nothing = (): void => undefined;

interface Connection {
  readonly client: MqttClient;
  readonly version: 3 | 4 | 5;
  readonly subscriptions: MqttSubscriptions;
}

/**
 * MQTT 3.1, 3.1.1 and 5 over mqtt.js (`mqtt://`, `mqtts://`): one client per server and login,
 * connected on first use and reconnected (with resubscription) by mqtt.js; topics are channel
 * addresses; the AsyncAPI MQTT bindings set QoS, retain, message expiry and the connection.
 */
export const createMqttClient: ProtocolClientFactory = (options): ProtocolClient => {
  const connections = new Map<string, Promise<Connection>>();
  let closed = false;

  // The open connection of each route object (the transport keeps one route per server and fixed
  // login): a message on a route whose connection is up takes neither a key nor a promise.
  const open = new WeakMap<ClientRoute, Connection>();
  // `mqtt://host:port` of each chosen server, written once (URL getters build new strings per call).
  const origins = new WeakMap<ClientRoute['chosen'], string>();
  const originOf = (route: ClientRoute): string => {
    let origin = origins.get(route.chosen);
    if (origin === undefined) {
      origin = `${route.chosen.url.protocol}//${route.chosen.url.host}`;
      origins.set(route.chosen, origin);
    }
    return origin;
  };
  const connectionFor = (route: ClientRoute): Promise<Connection> => {
    if (closed) return Promise.reject(new TransportError('CLOSED', 'the message transport is closed'));
    const version = mqttVersionOf(route.chosen.server?.protocolVersion);
    const key = `${route.chosen.url.href}\n${route.login.key}\n${version}\n${String(route.chosen.server?.name)}`;
    const known = connections.get(key);
    if (known !== undefined) return known;
    // Built only for a new connection (it draws a fresh client id).
    const connect = mqttConnectOptions(route, options);
    const server = `${route.chosen.url.protocol}//${route.chosen.url.host}`;
    const what = `connect to ${server}`;
    const opening = openMqttConnection(route.chosen.url, connect, what).then((client) => {
      client.on('offline', () =>
        options.onEvent?.({ protocol: 'mqtt', server, what: 'offline, reconnecting' }),
      );
      client.on('reconnect', () => options.onEvent?.({ protocol: 'mqtt', server, what: 'reconnecting' }));
      client.on('error', () => {
        /* reported through offline/reconnect; mqtt.js keeps reconnecting */
      });
      return { client, version, subscriptions: createMqttSubscriptions(client, server) };
    });
    connections.set(key, opening);
    opening.catch(() => connections.delete(key));
    return opening;
  };
  /** The route's connection: at once when it is up, else once it is (raced against `signal`). */
  const connected = (
    route: ClientRoute,
    signal: AbortSignal,
    what: () => string,
  ): Connection | Promise<Connection> => {
    const known = open.get(route);
    if (known !== undefined && !closed) return known;
    return raceTransportAbort(connectionFor(route), signal, what()).then((connection) => {
      open.set(route, connection);
      return connection;
    });
  };

  return {
    send(message: OutgoingMessage, route: ClientRoute, context: MessageContext): Promise<SentMessage> {
      const origin = originOf(route);
      const ready = connected(route, context.signal, () => publishing(origin, message.target.address));
      // A connection that is up publishes at once: the PUBLISH's promise is the send's.
      return ready instanceof Promise
        ? ready.then((connection) => publish(connection, message, route, origin, context))
        : publish(ready, message, route, origin, context);
    },
    subscribe(request: SubscribeRequest, route: ClientRoute, context: MessageContext) {
      // Words for errors, built only for one (no string per subscription).
      const what = (): string => `subscribe to ${originOf(route)} topic '${request.target.address}'`;
      // A connection that is up subscribes at once (no promise of this function around SUBSCRIBE).
      const ready = connected(route, context.signal, what);
      return ready instanceof Promise
        ? ready.then((connection) => connection.subscriptions.add(request, route, context, what))
        : ready.subscriptions.add(request, route, context, what);
    },
    async close() {
      closed = true;
      const all = [...connections.values()];
      connections.clear();
      await Promise.all(
        all.map(async (opening) => {
          const connection = await opening.catch(() => undefined);
          if (connection === undefined) return;
          await connection.subscriptions.closeAll();
          await endClient(connection.client);
        }),
      );
    },
  };
};

/** What a publish does, in words for its errors. */
function publishing(origin: string, address: string): string {
  return `publish to ${origin} topic '${address}'`;
}

/** One PUBLISH on an open connection, and the message as sent; one promise for it and the abort. */
function publish(
  connection: Connection,
  message: OutgoingMessage,
  route: ClientRoute,
  origin: string,
  context: MessageContext,
): Promise<SentMessage> {
  const address = message.target.address;
  // Words for errors, built only for one (no string per message).
  const what = (): string => publishing(origin, address);
  return new Promise<SentMessage>((resolve, reject) => {
    // Thrown here (HEADERS_UNSUPPORTED) it rejects the send, before any abort check, as before.
    const { bytes, body, publish: options } = mqttPublishOptions(message, connection.version, what);
    if (context.signal.aborted) {
      reject(new TransportError('ABORTED', `${what()}: aborted`));
      return;
    }
    // A signal that never aborts (a run without one of its own) is not listened to: no closure for it.
    const leave =
      context.signal === NEVER_ABORTED
        ? nothing
        : onAbort(context.signal, () => reject(new TransportError('ABORTED', `${what()}: aborted`)));
    connection.client.publish(address, bytes, options, (error) => {
      leave();
      if (error !== undefined && error !== null) {
        reject(toTransportError(error, what()));
        return;
      }
      // Field by field in the order reports show, without spreading an empty object per message.
      const sent: { -readonly [K in keyof SentMessage]: SentMessage[K] } = {
        serverUrl: origin,
        protocol: route.chosen.protocol,
        address,
        headers: message.headers,
        contentType: message.contentType,
        body,
      };
      if (message.correlationId !== undefined) sent.correlationId = message.correlationId;
      resolve(sent);
    });
  });
}

/** Ends a client gracefully (DISCONNECT after in-flight messages), forcibly after 2 s. */
async function endClient(client: MqttClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<void>((resolve) => {
    timer = setTimeout(() => client.end(true, () => resolve()), 2000);
  });
  await Promise.race([client.endAsync(false).catch(() => client.endAsync(true)), forced]);
  clearTimeout(timer);
}
