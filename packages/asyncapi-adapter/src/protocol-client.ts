import type {
  MessageContext,
  MessageSubscription,
  OutgoingMessage,
  SentMessage,
  SubscribeRequest,
} from '@telaio/core';
import type { ServerLogin } from './resolve-credential.js';
import type { ChosenServer } from './select-server.js';

/** Where a protocol client sends or subscribes: the chosen server and the login for it. */
export interface ClientRoute {
  readonly chosen: ChosenServer;
  readonly login: ServerLogin;
}

/**
 * One protocol's side of the transport (MQTT, WebSocket, AMQP): connections per server and login,
 * opened on first use, reconnected while in use, all ended by close().
 */
export interface ProtocolClient {
  send(message: OutgoingMessage, route: ClientRoute, context: MessageContext): Promise<SentMessage>;
  subscribe(
    request: SubscribeRequest,
    route: ClientRoute,
    context: MessageContext,
  ): Promise<MessageSubscription>;
  close(): Promise<void>;
}

/** Options every protocol client takes. */
export interface ProtocolClientOptions {
  /** Longest wait for a connection (TCP, handshake, CONNACK), in ms. */
  readonly connectTimeoutMs: number;
  /** First wait before reconnecting a lost connection, in ms (doubled per attempt up to 5 s). */
  readonly reconnectDelayMs: number;
  /** Called on connection events worth a log line (reconnecting, reconnected), secrets already absent. */
  readonly onEvent?: (event: {
    readonly protocol: string;
    readonly server: string;
    readonly what: string;
  }) => void;
}

/** Builds a protocol client. */
export type ProtocolClientFactory = (options: ProtocolClientOptions) => ProtocolClient;
