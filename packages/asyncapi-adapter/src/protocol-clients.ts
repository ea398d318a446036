import type { ProtocolClientFactory } from './protocol-client.js';

/**
 * The built-in protocol clients, by AsyncAPI server protocol: each loaded only when a message first
 * goes through a server of its protocol (a run that only speaks MQTT never loads ws or amqplib).
 * Extra protocols are given to createAsyncApiTransport exactly as these are.
 */
export const PROTOCOL_CLIENTS = {
  mqtt: async () => (await import('./mqtt/create-mqtt-client.js')).createMqttClient,
  mqtts: async () => (await import('./mqtt/create-mqtt-client.js')).createMqttClient,
  ws: async () => (await import('./ws/create-ws-client.js')).createWsClient,
  wss: async () => (await import('./ws/create-ws-client.js')).createWsClient,
  amqp: async () => (await import('./amqp/create-amqp-client.js')).createAmqpClient,
  amqps: async () => (await import('./amqp/create-amqp-client.js')).createAmqpClient,
} satisfies Readonly<Record<string, () => Promise<ProtocolClientFactory>>>;

/** A protocol this package speaks out of the box. */
export type BuiltinProtocol = keyof typeof PROTOCOL_CLIENTS;
