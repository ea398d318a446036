/**
 * Correlation matching for message transports: what an AsyncAPI Correlation ID `location` reads in a
 * received message, and whether it holds the value a receive step waits for.
 */

import { resolveLocalRef } from '../document/json-pointer.js';
import type { CorrelationFilter, ReceivedMessage } from './message-transport.js';

/**
 * The value at an AsyncAPI Correlation ID `location` (`$message.header#/requestId`,
 * `$message.payload#/meta/id`, `$message.payload`) in `message`, or undefined when it reaches nothing
 * or is not such a location. Header names are matched exactly first, then case-insensitively; a header
 * location the headers do not hold falls back to the protocol's own correlation field
 * (ReceivedMessage.correlationId), so a broker that carries the id as AMQP `correlationId` or MQTT 5
 * correlation data still matches.
 */
export function readCorrelationValue(
  message: Pick<ReceivedMessage, 'headers' | 'payload' | 'correlationId'>,
  location: string,
): unknown {
  const match = /^\$message\.(header|payload)(#.*)?$/.exec(location.trim());
  if (match === null) return undefined;
  const fragment = match[2] ?? '#';
  if (match[1] === 'payload') {
    const payload = typeof message.payload === 'string' ? parseJson(message.payload) : message.payload;
    return fragment === '#' ? payload : resolveLocalRef(payload, fragment);
  }
  const tokens = fragment.slice(1).split('/').slice(1);
  if (tokens.length === 0) return message.correlationId;
  const [first = '', ...rest] = tokens.map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name =
    first in message.headers
      ? first
      : Object.keys(message.headers).find((key) => key.toLowerCase() === first.toLowerCase());
  if (name === undefined) return rest.length === 0 ? message.correlationId : undefined;
  const value = message.headers[name];
  return rest.length === 0 ? value : resolveLocalRef(value, `#/${tokens.slice(1).join('/')}`);
}

/**
 * True when `message` passes `filter` (absent filter: every message): the value at its location,
 * compared as text (a number or boolean by its JSON text, a Uint8Array as UTF-8), equals `filter.value`.
 */
export function matchesCorrelation(
  message: Pick<ReceivedMessage, 'headers' | 'payload' | 'correlationId'>,
  filter: CorrelationFilter | undefined,
): boolean {
  if (filter === undefined) return true;
  const value = readCorrelationValue(message, filter.location);
  if (value === undefined || value === null) return false;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8') === filter.value;
  if (typeof value === 'object') return false;
  return String(value) === filter.value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
