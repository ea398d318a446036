import { TransportError } from '@telaio/core';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { toTransportError } from '../to-transport-error.js';

/**
 * Connects an mqtt.js client and resolves on the first CONNACK that accepts it. The first attempt
 * is the only one: a refused connection, a refused login or no CONNACK within `connectTimeout`
 * rejects (TransportError) and ends the client, so nothing is left retrying in the background.
 * Once connected, mqtt.js reconnects by itself (`reconnectPeriod`) and resubscribes.
 */
export function openMqttConnection(url: URL, options: IClientOptions, what: string): Promise<MqttClient> {
  return new Promise<MqttClient>((resolve, reject) => {
    const client = connect(url.href, { ...options, reconnectPeriod: 0 });
    let lastError: unknown;
    const timer = setTimeout(
      () => fail(new TransportError('ETIMEDOUT', `${what}: no CONNACK within ${options.connectTimeout} ms`)),
      options.connectTimeout ?? 30_000,
    );
    const cleanup = (): void => {
      clearTimeout(timer);
      client.off('connect', onConnect);
      client.off('error', onError);
      client.off('close', onClose);
    };
    const fail = (error: unknown): void => {
      cleanup();
      client.end(true);
      reject(toTransportError(error, what));
    };
    const onConnect = (): void => {
      cleanup();
      // Reconnect from now on (the first attempt was made without, so a refusal is final).
      client.options.reconnectPeriod = options.reconnectPeriod ?? 1000;
      resolve(client);
    };
    const onError = (error: unknown): void => {
      lastError = error;
      fail(error);
    };
    const onClose = (): void =>
      fail(lastError ?? new TransportError('ECONNRESET', `${what}: the connection closed before CONNACK`));
    client.on('connect', onConnect);
    client.on('error', onError);
    client.on('close', onClose);
  });
}
