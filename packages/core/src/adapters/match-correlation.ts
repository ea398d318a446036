/**
 * Correlation matching for message transports: what an AsyncAPI Correlation ID `location` reads in a
 * received message, and whether it holds the value a receive step waits for.
 */

import { splitFragment } from '../document/json-pointer.js';
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
  const parsed = parseLocation(location);
  if (parsed === undefined) return undefined;
  const { tokens } = parsed;
  if (parsed.part === 'payload') {
    const payload = typeof message.payload === 'string' ? parseJson(message.payload) : message.payload;
    return tokens === undefined ? undefined : walk(payload, tokens, 0);
  }
  if (tokens === undefined) return undefined;
  if (tokens.length === 0) return message.correlationId;
  const first = tokens[0] as string;
  const name =
    first in message.headers
      ? first
      : Object.keys(message.headers).find((key) => key.toLowerCase() === first.toLowerCase());
  if (name === undefined) return tokens.length === 1 ? message.correlationId : undefined;
  return walk(message.headers[name], tokens, 1);
}

/** A location split once: which part it reads and the decoded tokens of its fragment (undefined: not a pointer). */
interface ParsedLocation {
  readonly part: 'header' | 'payload';
  readonly tokens: readonly string[] | undefined;
}

/** Locations come from descriptions (a handful per document): parsed once each, the cache bounded all the same. */
const parsedLocations = new Map<string, ParsedLocation | undefined>();

function parseLocation(location: string): ParsedLocation | undefined {
  if (parsedLocations.has(location)) return parsedLocations.get(location);
  const match = /^\$message\.(header|payload)(#.*)?$/.exec(location.trim());
  let parsed: ParsedLocation | undefined;
  if (match !== null) {
    const fragment = match[2] ?? '#';
    parsed =
      match[1] === 'payload'
        ? { part: 'payload', tokens: splitFragment(fragment) }
        : // Header names are taken as written (no percent-decoding), `~1`/`~0` undone.
          {
            part: 'header',
            tokens: fragment
              .slice(1)
              .split('/')
              .slice(1)
              .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~')),
          };
  }
  if (parsedLocations.size >= 1000) parsedLocations.clear();
  parsedLocations.set(location, parsed);
  return parsed;
}

/** The node `tokens` (from `from` on) reach in `root`: own properties only, undefined when nothing. */
function walk(root: unknown, tokens: readonly string[], from: number): unknown {
  let node = root;
  for (let i = from; i < tokens.length; i += 1) {
    const token = tokens[i] as string;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
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
