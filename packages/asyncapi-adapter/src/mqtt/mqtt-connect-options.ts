import type { IClientOptions } from 'mqtt';
import type { ClientRoute, ProtocolClientOptions } from '../protocol-client.js';

type Obj = Readonly<Record<string, unknown>>;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const qosOf = (v: unknown): 0 | 1 | 2 | undefined => (v === 0 || v === 1 || v === 2 ? v : undefined);

/**
 * The MQTT protocol version for a server's `protocolVersion`: `5`/`5.0` → 5, `3.1` → 3 (MQIsdp),
 * anything else (`3.1.1`, none) → 4, the version every broker speaks.
 */
export function mqttVersionOf(protocolVersion: string | undefined): 3 | 4 | 5 {
  const v = (protocolVersion ?? '').trim();
  if (v === '5' || v.startsWith('5.')) return 5;
  if (v === '3.1' || v === '3') return 3;
  return 4;
}

/**
 * mqtt.js connect options for a route: the login, the version, and the AsyncAPI MQTT server binding
 * (0.1.0/0.2.0): `clientId` (else a fresh `telaio-…` id, so two runs never take over each other's
 * session), `cleanSession` (default true), `keepAlive` (seconds), `lastWill` {topic, qos, message,
 * retain}, and for MQTT 5 `sessionExpiryInterval` and `maximumPacketSize`.
 */
export function mqttConnectOptions(route: ClientRoute, options: ProtocolClientOptions): IClientOptions {
  const server = route.chosen.server;
  const binding: Obj = (server?.bindings.mqtt as Obj | undefined) ?? {};
  const version = mqttVersionOf(server?.protocolVersion);
  const will = (binding.lastWill ?? undefined) as Obj | undefined;
  const properties: Record<string, number> = {};
  const expiry = num(binding.sessionExpiryInterval);
  const maxPacket = num(binding.maximumPacketSize);
  if (version === 5 && expiry !== undefined) properties.sessionExpiryInterval = expiry;
  if (version === 5 && maxPacket !== undefined) properties.maximumPacketSize = maxPacket;
  const keepalive = num(binding.keepAlive);
  return {
    protocolVersion: version,
    clientId:
      typeof binding.clientId === 'string'
        ? binding.clientId
        : `telaio-${Math.random().toString(16).slice(2, 14)}`,
    clean: typeof binding.cleanSession === 'boolean' ? binding.cleanSession : true,
    ...(keepalive === undefined ? {} : { keepalive }),
    connectTimeout: options.connectTimeoutMs,
    reconnectPeriod: options.reconnectDelayMs,
    resubscribe: true,
    ...(route.login.username === undefined ? {} : { username: route.login.username }),
    ...(route.login.password === undefined ? {} : { password: route.login.password }),
    ...(will !== undefined && typeof will.topic === 'string'
      ? {
          will: {
            topic: will.topic,
            payload: Buffer.from(typeof will.message === 'string' ? will.message : ''),
            qos: qosOf(will.qos) ?? 0,
            retain: will.retain === true,
          },
        }
      : {}),
    ...(Object.keys(properties).length === 0 ? {} : { properties }),
  };
}
