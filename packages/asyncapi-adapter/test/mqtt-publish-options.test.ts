/**
 * The PUBLISH options of a message (mqtt-publish-options.ts): from the AsyncAPI MQTT operation
 * binding (`qos`, `retain`), with MQTT 5 properties per message. On MQTT 3.1/3.1.1 the options
 * depend on the binding alone, so messages on one binding share one (frozen) options object.
 */
import { type MessageTarget, TransportError } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { mqttPublishOptions } from '../src/mqtt/mqtt-publish-options.js';
import { message, server, target } from './support/message-targets.js';

const what = () => 'publish to test';
const on = (operationBindings: MessageTarget['operationBindings']) =>
  target('t/orders', [server('mqtt://127.0.0.1:1', 'mqtt')], { operationBindings });

describe('AsyncAPI MQTT operation binding → PUBLISH options', () => {
  it('MQTT 3.1.1: qos and retain from the binding (qos 0, no retain without one), the payload as JSON text', () => {
    const bound = on({ mqtt: { qos: 2, retain: true } });
    const first = mqttPublishOptions(message(bound, { n: 1 }), 4, what);
    expect(first).toEqual({ bytes: '{"n":1}', body: '{"n":1}', publish: { qos: 2, retain: true } });
    const second = mqttPublishOptions(message(bound, { n: 2 }), 4, what);
    expect(second.publish).toBe(first.publish);
    expect(Object.isFrozen(second.publish)).toBe(true);
    expect(mqttPublishOptions(message(on({}), 'text'), 4, what)).toEqual({
      bytes: 'text',
      body: 'text',
      publish: { qos: 0, retain: false },
    });
  });

  it('MQTT 3.1.1 has no message headers: a message with any is refused, naming them', () => {
    const withHeaders = message(on({}), { n: 1 }, { headers: { requestId: 'r1', trace: 't' } });
    expect(() => mqttPublishOptions(withHeaders, 4, what)).toThrow(TransportError);
    expect(() => mqttPublishOptions(withHeaders, 4, what)).toThrow(/no message headers \(requestId, trace\)/);
  });

  it('MQTT 5: headers as user properties, the correlation id as correlation data, per message', () => {
    const bound = on({ mqtt: { qos: 1, messageExpiryInterval: 30 } });
    const sent = message(bound, { n: 1 }, { headers: { requestId: 'r1', n: 2 }, correlationId: 'r1' });
    const { publish } = mqttPublishOptions(sent, 5, what);
    expect(publish).toEqual({
      qos: 1,
      retain: false,
      properties: {
        contentType: 'application/json',
        userProperties: { requestId: 'r1', n: '2' },
        correlationData: Buffer.from('r1'),
        messageExpiryInterval: 30,
      },
    });
    expect(mqttPublishOptions(message(bound, { n: 1 }), 5, what).publish.properties).toEqual({
      contentType: 'application/json',
      messageExpiryInterval: 30,
    });
  });
});
