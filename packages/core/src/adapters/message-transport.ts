/**
 * The seam between the engine and message brokers (Arazzo 1.1 `asyncapi` steps): as small as the HTTP
 * `Transport`. The engine resolves everything the AsyncAPI description says (channel address with its
 * parameters, servers, bindings, security schemes, message schema, correlation location) and builds the
 * payload and headers; a MessageTransport only speaks a protocol (MQTT, WebSocket, AMQP 0-9-1, ...).
 * Failures reject with a TransportError (codes below); a timeout is a rejection too, never a hang.
 */

import type { SourceDescription } from '../model/arazzo.js';
import type { MessageInfo, SecurityScheme } from '../sources/types.js';
import type { CredentialProvider } from './credentials.js';

/**
 * AsyncAPI Bindings Objects as written (`$ref`s resolved), keyed by protocol (`mqtt`, `amqp`, `ws`...),
 * each the binding's own object (e.g. `{qos: 1, retain: false, bindingVersion: '0.2.0'}`).
 */
export type MessageBindings = { readonly [protocol: string]: Readonly<Record<string, unknown>> };

/** A security scheme of an AsyncAPI server, ready for the credential seam. */
export interface MessageSecurity {
  /** Its key in `components/securitySchemes`. */
  readonly schemeName: string;
  /** The AsyncAPI `type` as written: `userPassword`, `plain`, `scramSha256`, `httpApiKey`, `X509`, `http`... */
  readonly asyncapiType: string;
  /**
   * The same scheme in the words CredentialProvider knows (OpenAPI types): userPassword, plain and the
   * SCRAM/GSSAPI types → http `basic`; httpApiKey → apiKey (`in`/`name` kept); `apiKey` (user/password
   * in the protocol) → apiKey; http, oauth2, openIdConnect as they are; X509 → mutualTLS. Ask with
   * `credentials.credentialFor({source, schemeName, scheme, required: true})`.
   */
  readonly scheme: SecurityScheme;
}

/** An AsyncAPI server the message may travel through. */
export interface MessageServer {
  /** Key under `servers`. */
  readonly name: string;
  /** 2.x `url`, 3.x `host` + `pathname`, server variables substituted (defaults), e.g. `mqtt://127.0.0.1:1883`. */
  readonly url: string;
  /** `mqtt`, `mqtts`, `ws`, `wss`, `amqp`, `amqps`, `kafka`... */
  readonly protocol: string;
  /** e.g. `5`, `3.1.1`, `0-9-1`. */
  readonly protocolVersion?: string;
  /** Server bindings (MQTT `clientId`, `cleanSession`, `keepAlive`...; AMQP none defined). */
  readonly bindings: MessageBindings;
  /** Its `security` requirements, in order (any one may be used). Empty: none declared. */
  readonly security: readonly MessageSecurity[];
}

/**
 * Where a message goes or comes from: one channel of one AsyncAPI source, resolved. Bindings are
 * those of the channel, the operation and the message (MQTT topic QoS/retain, AMQP
 * exchange/queue/routing, WebSocket handshake query and headers).
 */
export interface MessageTarget {
  /** The sourceDescription the channel came from (for CredentialProvider requests and errors). */
  readonly source: SourceDescription;
  /** Key of the channel under `channels`. */
  readonly channel: string;
  /**
   * The channel address with its `{parameters}` substituted: the MQTT topic (wildcards allowed on
   * receive), the AMQP routing key (or queue name when the channel binding says `is: queue`), the
   * WebSocket path appended to the server url.
   */
  readonly address: string;
  /** The AsyncAPI operation, when the step named one (3.x key, 2.x `operationId`). */
  readonly operationId?: string;
  /**
   * Servers the channel is available on, in document order: those its `servers` list names (2.6
   * names, 3.0 `$ref`s), else, when it has no such list, every server of the source.
   */
  readonly servers: readonly MessageServer[];
  /**
   * Present when the channel's `servers` list restricts it: the names it lists, and the source's
   * servers it leaves out (so that a URL chosen outside the document that is one of those is
   * refused with a clear error rather than used).
   */
  readonly channelServers?: {
    readonly names: readonly string[];
    readonly excluded: readonly MessageServer[];
  };
  /**
   * A base URL chosen outside the document (`--server <source>=<url>`, CredentialProvider.serverFor):
   * when set it replaces the servers' url; the protocol is its scheme.
   */
  readonly serverUrl?: string;
  readonly channelBindings: MessageBindings;
  readonly operationBindings: MessageBindings;
  readonly messageBindings: MessageBindings;
}

/** A message as the engine hands it over: built from the step and validated against its AsyncAPI message. */
export interface OutgoingMessage {
  readonly target: MessageTarget;
  /** The AsyncAPI message it was built for, when the channel or operation declares messages. */
  readonly message?: MessageInfo;
  /** A JSON value (serialised per `contentType`), or a string / Uint8Array sent as is. */
  readonly payload: unknown;
  /** The message's content type (step `requestBody.contentType`, the message's, the document default), else `application/json`. */
  readonly contentType: string;
  /**
   * Application headers (step parameters `in: header`), names as written, JSON values: AMQP header
   * table, MQTT 5 user properties (as strings), WebSocket: the adapter decides (envelope or none).
   */
  readonly headers: Readonly<Record<string, unknown>>;
  /**
   * The correlation id value, when the AsyncAPI message declares a `correlationId` and the built
   * message holds a value there: a transport may also set its protocol's own field (AMQP
   * `correlationId` property, MQTT 5 correlation data).
   */
  readonly correlationId?: string;
  /** 3.x operation `reply` address, when declared: AMQP `replyTo`, MQTT 5 response topic. */
  readonly replyAddress?: string;
}

/** What a transport actually put on the wire (for reports; secrets are masked at output time). */
export interface SentMessage {
  /** The server url used (credentials never in it). */
  readonly serverUrl: string;
  readonly protocol: string;
  /** Address as sent (topic, routing key, path). */
  readonly address: string;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly contentType: string;
  /** The payload as sent, as text (binary payloads as base64, prefixed `base64:`). */
  readonly body: string;
  readonly correlationId?: string;
}

/**
 * A received message, decoded: `$message.payload` and `$message.header` read from it. A JSON content
 * type (or none and a JSON-looking body) gives a JSON value; text types a string; anything else a
 * Uint8Array.
 */
export interface ReceivedMessage {
  readonly serverUrl: string;
  /** Address it arrived on (the concrete topic for a wildcard subscription). */
  readonly address: string;
  /** Application headers (AMQP header table, MQTT 5 user properties), names as received. */
  readonly headers: Readonly<Record<string, unknown>>;
  readonly payload: unknown;
  readonly contentType?: string;
  /** The protocol's own correlation field (AMQP `correlationId`, MQTT 5 correlation data as UTF-8). */
  readonly correlationId?: string;
  /** The payload as received, as text (binary as `base64:...`): for reports. */
  readonly body: string;
}

/**
 * Which messages a receive takes: the AsyncAPI Correlation ID `location`
 * (`$message.header#/correlationId`, `$message.payload#/meta/id`) must hold `value`. A header location
 * absent from the headers falls back to ReceivedMessage.correlationId (see matchesCorrelation).
 */
export interface CorrelationFilter {
  readonly location: string;
  readonly value: string;
}

/** What a subscription is for. */
export interface SubscribeRequest {
  readonly target: MessageTarget;
  /** Only messages matching it are buffered and returned; absent: every message of the channel. */
  readonly correlation?: CorrelationFilter;
  /** The messages the channel or operation declares (content types, for decoding). */
  readonly messages: readonly MessageInfo[];
}

/** Per-call context, as for HTTP: the run's signal and credentials. */
export interface MessageContext {
  /** Aborts a send or a subscription (run cancelled): the pending promise rejects with code `ABORTED`. */
  readonly signal: AbortSignal;
  /** Credentials for the server's security schemes (see MessageSecurity.scheme). */
  readonly credentials?: CredentialProvider;
}

/** An open subscription: matching messages are buffered from the moment subscribe() resolved. */
export interface MessageSubscription {
  /**
   * The oldest matching message not yet taken (buffered or still to come). Rejects with a
   * TransportError `TIMEOUT` when none came within `timeoutMs` (counted from this call; absent: no
   * limit), `ABORTED` when `signal` or the subscribe context's signal aborts, `CLOSED` after close().
   */
  next(options?: { readonly timeoutMs?: number; readonly signal?: AbortSignal }): Promise<ReceivedMessage>;
  /** Stop listening and drop the buffer; idempotent; a pending next() rejects with `CLOSED`. */
  close(): Promise<void>;
}

/**
 * Sends and receives messages. Connections are the transport's business (opened lazily per server,
 * reused, reconnected); close() ends them all.
 */
export interface MessageTransport {
  /**
   * Publish `message` on its target and resolve once the protocol has handed it over (the spec: "the
   * step completes immediately after the message is sent"; no broker acknowledgement is awaited
   * beyond what the binding's QoS asks). Rejects with a TransportError (`ECONNREFUSED`,
   * `UNSUPPORTED_PROTOCOL`, `NO_SERVER`, `SERVER_NOT_ON_CHANNEL` (the chosen URL is a server the
   * channel's `servers` list leaves out), `ABORTED`...).
   */
  send(message: OutgoingMessage, context: MessageContext): Promise<SentMessage>;
  /**
   * Subscribe to `request.target` and resolve only once the subscription is in place at the broker
   * (MQTT SUBACK, AMQP queue bound and consuming, WebSocket open), so a message published after this
   * resolves is never lost, however fast it comes.
   */
  subscribe(request: SubscribeRequest, context: MessageContext): Promise<MessageSubscription>;
  /** Close every subscription and connection; afterwards no socket or timer of it is left open. Idempotent. */
  close(): Promise<void>;
}
