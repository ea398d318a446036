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
  const { headers } = message;
  if (version !== 5 && hasOwnKey(headers)) {
    const headerNames = Object.keys(headers);
    throw new TransportError(
      'HEADERS_UNSUPPORTED',
      `${what()}: MQTT ${version === 3 ? '3.1' : '3.1.1'} has no message headers (${headerNames.join(', ')}); declare protocolVersion: 5 on the AsyncAPI server to send them as user properties`,
    );
  }
  // Text goes to mqtt.js as the string it is (it writes it into the packet): no Buffer copy of our own.
  const { payload } = message;
  let bytes: Buffer | string;
  let body: string;
  if (payload instanceof Uint8Array || payload === undefined) ({ bytes, body } = encodePayload(payload));
  else {
    body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    bytes = body;
  }
  // MQTT 3.1/3.1.1: the options depend on the binding alone, one object per binding (mqtt.js copies
  // the options it is given, never writes them).
  if (version !== 5) return { bytes, body, publish: plainOptionsOf(binding) };
  const publish: IClientPublishOptions = {
    qos: qosOf(binding.qos) ?? 0,
    retain: binding.retain === true,
  };
  const expiry = binding.messageExpiryInterval;
  publish.properties = {
    contentType: message.contentType,
    ...(!hasOwnKey(headers)
      ? {}
      : {
          userProperties: Object.fromEntries(
            Object.entries(headers).map(([name, value]) => [name, headerText(value)]),
          ),
        }),
    ...(message.correlationId === undefined
      ? {}
      : { correlationData: Buffer.from(message.correlationId, 'utf8') }),
    ...(message.replyAddress === undefined ? {} : { responseTopic: message.replyAddress }),
    ...(typeof expiry === 'number' ? { messageExpiryInterval: expiry } : {}),
  };
  return { bytes, body, publish };
}

/** True when `record` has an own enumerable key (no array of its keys made to ask). */
function hasOwnKey(record: Readonly<Record<string, unknown>>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

/** The MQTT 3.1/3.1.1 publish options of each binding (frozen: shared by every message on it). */
const plainOptions = new WeakMap<Obj, IClientPublishOptions>();

function plainOptionsOf(binding: Obj): IClientPublishOptions {
  let options = plainOptions.get(binding);
  if (options === undefined) {
    options = Object.freeze({ qos: qosOf(binding.qos) ?? 0, retain: binding.retain === true });
    plainOptions.set(binding, options);
  }
  return options;
}
