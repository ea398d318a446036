import type { OutgoingMessage } from '@telaio/core';
import { TransportError } from '@telaio/core';
import type { IClientPublishOptions } from 'mqtt';
import { encodePayload } from '../encode-payload.js';

type Obj = Readonly<Record<string, unknown>>;
/** The MQTT operation binding of an operation without one (no object per message). */
const NO_BINDING: Obj = Object.freeze({});
const qosOf = (v: unknown): 0 | 1 | 2 | undefined => (v === 0 || v === 1 || v === 2 ? v : undefined);

/** A header value as an MQTT 5 user property: strings as they are, anything else as its JSON text. */
export function headerText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The PUBLISH of `message`: its bytes and text, and mqtt.js options from the AsyncAPI MQTT operation
 * binding (`qos`, default 0; `retain`; MQTT 5 `messageExpiryInterval`) and, for MQTT 5, the message's
 * content type, headers as user properties, correlation id as correlation data and reply address as
 * response topic. MQTT 3.1.1 has no place for headers: a message with headers is refused
 * (`HEADERS_UNSUPPORTED`) rather than sent without them.
 */
export function mqttPublishOptions(
  message: OutgoingMessage,
  version: 3 | 4 | 5,
  /** What is being done, for the error (built only then). */
  what: () => string,
): { bytes: Buffer | string; body: string; publish: IClientPublishOptions } {
  const binding: Obj = (message.target.operationBindings.mqtt as Obj | undefined) ?? NO_BINDING;
  const headerNames = Object.keys(message.headers);
  if (version !== 5 && headerNames.length > 0)
    throw new TransportError(
      'HEADERS_UNSUPPORTED',
      `${what()}: MQTT ${version === 3 ? '3.1' : '3.1.1'} has no message headers (${headerNames.join(', ')}); declare protocolVersion: 5 on the AsyncAPI server to send them as user properties`,
    );
  // Text goes to mqtt.js as the string it is (it writes it into the packet): no Buffer copy of our own.
  const { payload } = message;
  const { bytes, body } =
    payload instanceof Uint8Array || payload === undefined
      ? encodePayload(payload)
      : (() => {
          const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
          return { bytes: text, body: text };
        })();
  const publish: IClientPublishOptions = {
    qos: qosOf(binding.qos) ?? 0,
    retain: binding.retain === true,
  };
  if (version === 5) {
    const expiry = binding.messageExpiryInterval;
    publish.properties = {
      contentType: message.contentType,
      ...(headerNames.length === 0
        ? {}
        : {
            userProperties: Object.fromEntries(
              Object.entries(message.headers).map(([name, value]) => [name, headerText(value)]),
            ),
          }),
      ...(message.correlationId === undefined
        ? {}
        : { correlationData: Buffer.from(message.correlationId, 'utf8') }),
      ...(message.replyAddress === undefined ? {} : { responseTopic: message.replyAddress }),
      ...(typeof expiry === 'number' ? { messageExpiryInterval: expiry } : {}),
    };
  }
  return { bytes, body, publish };
}
