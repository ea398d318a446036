/**
 * @telaio/asyncapi-adapter: MessageTransports for @telaio/core over real brokers, the protocol
 * chosen by the AsyncAPI server: MQTT (mqtt.js), WebSocket (ws) and AMQP 0-9-1 (amqplib).
 */

export {
  type AsyncApiTransport,
  type AsyncApiTransportOptions,
  createAsyncApiTransport,
} from './create-asyncapi-transport.js';
export { type DecodedPayload, decodePayload } from './decode-payload.js';
export { type EncodedPayload, encodePayload } from './encode-payload.js';
export { matchTopic } from './mqtt/match-topic.js';
export type {
  ClientRoute,
  ProtocolClient,
  ProtocolClientFactory,
  ProtocolClientOptions,
} from './protocol-client.js';
export { type BuiltinProtocol, PROTOCOL_CLIENTS } from './protocol-clients.js';
export { resolveLogin, type ServerLogin } from './resolve-credential.js';
export { type ChosenServer, normaliseProtocol, selectServer } from './select-server.js';
