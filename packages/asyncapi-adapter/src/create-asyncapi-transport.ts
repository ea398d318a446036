import type {
  MessageContext,
  MessageServer,
  MessageSubscription,
  MessageTransport,
  OutgoingMessage,
  ReceivedMessage,
  SentMessage,
  SubscribeRequest,
} from '@telaio/core';
import { TransportError } from '@telaio/core';
import type {
  ClientRoute,
  ProtocolClient,
  ProtocolClientFactory,
  ProtocolClientOptions,
} from './protocol-client.js';
import { PROTOCOL_CLIENTS } from './protocol-clients.js';
import { resolveLogin } from './resolve-credential.js';
import { type ChosenServer, selectServer } from './select-server.js';

/** A protocol client and where it sends (server and login). */
interface Routed {
  readonly client: ProtocolClient;
  readonly route: ClientRoute;
}

/**
 * A subscription as the transport hands it out: the protocol client's, leaving the transport's set
 * when closed. A class: one object per subscription, with no closures of its own.
 */
class TrackedSubscription implements MessageSubscription {
  constructor(
    private readonly inner: MessageSubscription,
    private readonly tracked: Set<MessageSubscription>,
  ) {}
  next(options?: Parameters<MessageSubscription['next']>[0]): Promise<ReceivedMessage> {
    return this.inner.next(options);
  }
  close(): Promise<void> {
    this.tracked.delete(this);
    return this.inner.close();
  }
}

/** Options of createAsyncApiTransport. */
export interface AsyncApiTransportOptions {
  /** Longest wait for a connection (socket, TLS, protocol handshake), in ms. Default 10 000. */
  readonly connectTimeoutMs?: number;
  /** First wait before reconnecting a lost connection, in ms. Default 250. */
  readonly reconnectDelayMs?: number;
  /** Connection events (reconnecting...), without credentials. */
  readonly onEvent?: ProtocolClientOptions['onEvent'];
  /** More protocols (or replacements), by AsyncAPI protocol name, loaded as the built-in ones are. */
  readonly protocols?: Readonly<Record<string, () => Promise<ProtocolClientFactory>>>;
}

/** The transport, plus the secrets it learnt (logins, URL user information) for masking. */
export interface AsyncApiTransport extends MessageTransport {
  /** Every credential value used so far (passwords, tokens, Basic blobs): mask them in outputs. */
  secretValues(): readonly string[];
  /** The protocols it speaks. */
  readonly protocols: readonly string[];
}

/**
 * A MessageTransport over real brokers, the protocol chosen by the AsyncAPI server: MQTT (mqtt.js),
 * WebSocket (ws) and AMQP 0-9-1 (amqplib). Each send or subscribe picks the server (the `--server`
 * URL, else the channel's first server of a known protocol), logs in through the credential seam,
 * and reuses one connection per server and login. close() ends every subscription and connection.
 */
export function createAsyncApiTransport(options: AsyncApiTransportOptions = {}): AsyncApiTransport {
  const factories = { ...PROTOCOL_CLIENTS, ...options.protocols };
  const protocols = Object.keys(factories);
  const clientOptions: ProtocolClientOptions = {
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    reconnectDelayMs: options.reconnectDelayMs ?? 250,
    ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
  };
  const clients = new Map<() => Promise<ProtocolClientFactory>, Promise<ProtocolClient>>();
  const secrets = new Set<string>();
  const subscriptions = new Set<MessageSubscription>();
  let closed = false;

  // The server chosen for a target depends only on its serverUrl and servers: chosen once per pair
  // (the engine hands the same servers array for every message of a source).
  const chosenFor = new WeakMap<readonly MessageServer[], Map<string, ChosenServer>>();
  const chooseServer = (target: OutgoingMessage['target']): ChosenServer => {
    let byUrl = chosenFor.get(target.servers);
    if (byUrl === undefined) {
      byUrl = new Map();
      chosenFor.set(target.servers, byUrl);
    }
    const key = target.serverUrl ?? '';
    let chosen = byUrl.get(key);
    if (chosen === undefined) {
      chosen = selectServer(target, protocols);
      byUrl.set(key, chosen);
    }
    return chosen;
  };

  const clientFor = (chosen: ChosenServer): Promise<ProtocolClient> => {
    const load = factories[chosen.protocol as keyof typeof factories];
    if (load === undefined)
      return Promise.reject(new TransportError('UNSUPPORTED_PROTOCOL', `no client for '${chosen.protocol}'`));
    let client = clients.get(load);
    if (client === undefined) {
      client = load().then((factory) => factory(clientOptions));
      clients.set(load, client);
    }
    return client;
  };

  // A route whose login does not depend on the context (user information in the URL, or a server
  // with no security requirement) is the same for every message: kept once its client is loaded,
  // so a message to it takes no lookup, no login and no promise hop (see routeNow).
  const fixedRoutes = new WeakMap<ChosenServer, Routed>();

  const route = async (target: OutgoingMessage['target'], context: MessageContext): Promise<Routed> => {
    if (closed) throw new TransportError('CLOSED', 'the message transport is closed');
    const chosen = chooseServer(target);
    const client = clientFor(chosen);
    const login = await resolveLogin(target, chosen, context);
    for (const secret of login.secrets) secrets.add(secret);
    const routed: Routed = { client: await client, route: { chosen, login } };
    if (chosen.userInfo !== undefined || (chosen.server?.security.length ?? 0) === 0)
      fixedRoutes.set(chosen, routed);
    return routed;
  };

  /** The route of `target` when it is known already (see fixedRoutes), else undefined. */
  const routeNow = (target: OutgoingMessage['target']): Routed | undefined => {
    if (closed) return undefined;
    try {
      return fixedRoutes.get(chooseServer(target));
    } catch {
      return undefined; // route() rejects with the same error
    }
  };

  /** A protocol client's subscription, tracked until it closes (one function for all: no closure per subscription). */
  const track = (subscription: MessageSubscription): MessageSubscription | Promise<MessageSubscription> => {
    const tracked = new TrackedSubscription(subscription, subscriptions);
    subscriptions.add(tracked);
    return closed ? tracked.close().then(() => tracked) : tracked;
  };

  return {
    protocols,
    secretValues: () => [...secrets],
    send(message: OutgoingMessage, context: MessageContext): Promise<SentMessage> {
      const known = routeNow(message.target);
      if (known !== undefined) return known.client.send(message, known.route, context);
      return route(message.target, context).then((r) => r.client.send(message, r.route, context));
    },
    subscribe(request: SubscribeRequest, context: MessageContext): Promise<MessageSubscription> {
      // Tracked here so close() ends every subscription (pending waits reject with CLOSED) whatever
      // the protocol client does with its connections. No async layer: a route known already
      // subscribes at once, and the protocol client's promise is the only one waited on.
      const known = routeNow(request.target);
      if (known !== undefined) return known.client.subscribe(request, known.route, context).then(track);
      return route(request.target, context)
        .then((r) => r.client.subscribe(request, r.route, context))
        .then(track);
    },
    async close() {
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.close()));
      const all = [...clients.values()];
      clients.clear();
      await Promise.all(all.map(async (c) => (await c.catch(() => undefined))?.close()));
    },
  };
}
