/**
 * The MQTT transport against Mosquitto (started by .ci/services/mosquitto.sh; skipped, with a
 * printed line, where TELAIO_MOSQUITTO_URL is unset): MQTT 3.1.1 round trips, and MQTT 5 when the
 * AsyncAPI server says `protocolVersion: 5`: headers as user properties, the correlation id as
 * correlation data, the content type as a property.
 */
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { afterEach, expect, it } from 'vitest';
import { describeService } from '../../../test/support/services.js';
import { ctx, message, server, target, unique } from './support/message-targets.js';

const transports: { close(): Promise<void> }[] = [];
const transport = () => {
  const t = createAsyncApiTransport({ reconnectDelayMs: 50 });
  transports.push(t);
  return t;
};
afterEach(async () => {
  await Promise.all(transports.splice(0).map((t) => t.close()));
});

describeService(
  'mosquitto',
  'TELAIO_MOSQUITTO_URL',
  'MQTT over Mosquitto (Arazzo 1.1 asyncapi steps)',
  (url) => {
    it('round-trips a JSON message over MQTT 3.1.1 with QoS 1', async () => {
      const t = transport();
      const to = target(unique('telaio/orders'), [server(url, 'mqtt')], {
        operationBindings: { mqtt: { qos: 1 } },
      });
      const sub = await t.subscribe({ target: to, messages: [] }, ctx());
      await t.send(message(to, { id: 1 }), ctx());
      expect((await sub.next({ timeoutMs: 5000 })).payload).toEqual({ id: 1 });
    });

    it('carries headers, correlation data and content type over MQTT 5 (protocolVersion: 5)', async () => {
      const t = transport();
      const to = target(unique('telaio/v5'), [server(url, 'mqtt', { protocolVersion: '5.0.0' })]);
      const sub = await t.subscribe(
        { target: to, messages: [], correlation: { location: '$message.header#/requestId', value: 'r-2' } },
        ctx(),
      );
      await t.send(message(to, 'no', { headers: { requestId: 'r-1' } }), ctx());
      await t.send(
        message(to, '<ok/>', {
          headers: { requestId: 'r-2', n: 3 },
          correlationId: 'c-2',
          contentType: 'application/xml',
        }),
        ctx(),
      );
      const got = await sub.next({ timeoutMs: 5000 });
      expect(got).toMatchObject({
        payload: '<ok/>',
        headers: { requestId: 'r-2', n: '3' },
        correlationId: 'c-2',
        contentType: 'application/xml',
      });
    });
  },
);
