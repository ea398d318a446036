import { isUtf8 } from 'node:buffer';
import type { MessageInfo } from '@telaio/core';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b|^[\w.-]+\/[\w.-]+\+json\b/i;
const TEXT_TYPE =
  /^text\/|^application\/(?:[\w.+-]+\+)?xml\b|^application\/(?:yaml|x-yaml|x-www-form-urlencoded)\b/i;

/** What a received payload decodes to, with its text for reports. */
export interface DecodedPayload {
  /** A JSON value, a string or a Uint8Array (see decodePayload). */
  readonly payload: unknown;
  /** UTF-8 text, or `base64:...` when the bytes are not text. */
  readonly body: string;
  /** The content type the decoding went by, when one was known. */
  readonly contentType?: string;
}

/**
 * Decodes received bytes by content type: the protocol's own (AMQP property, MQTT 5), else the one
 * content type the subscription's AsyncAPI messages declare. A JSON type gives a JSON value (text
 * that does not parse stays a string); text and XML types a string; no content type and a body
 * that parses as a JSON object or array a JSON value, else a string when the bytes are UTF-8 text;
 * anything else a Uint8Array.
 */
export function decodePayload(
  bytes: Uint8Array,
  protocolContentType: string | undefined,
  messages: readonly MessageInfo[],
): DecodedPayload {
  const contentType = protocolContentType ?? declaredContentType(messages);
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = utf8(buffer);
  if (text === undefined) {
    const payload = new Uint8Array(buffer);
    return decoded(payload, `base64:${buffer.toString('base64')}`, contentType);
  }
  if (contentType === undefined || JSON_TYPE.test(contentType)) {
    const first = firstNonSpace(text);
    const looksJson = contentType !== undefined || first === '{' || first === '[';
    if (looksJson && first !== undefined) {
      try {
        return decoded(JSON.parse(text) as unknown, text, contentType);
      } catch {
        return decoded(text, text, contentType);
      }
    }
    return decoded(text, text, contentType);
  }
  if (TEXT_TYPE.test(contentType)) return decoded(text, text, contentType);
  return decoded(new Uint8Array(buffer), `base64:${buffer.toString('base64')}`, contentType);
}

/** The decoded payload, with `contentType` only when one was known (no object spread per message). */
function decoded(payload: unknown, body: string, contentType: string | undefined): DecodedPayload {
  return contentType === undefined ? { payload, body } : { payload, body, contentType };
}

/** The first character of `text` that is not white space (no copy of the text, as trim() makes). */
function firstNonSpace(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t' && c.trim() !== '') return c;
  }
  return undefined;
}

/** The one content type the messages declare, when they agree on one. */
function declaredContentType(messages: readonly MessageInfo[]): string | undefined {
  let found: string | undefined;
  for (const message of messages) {
    if (message.contentType === undefined || message.contentType === found) continue;
    if (found !== undefined) return undefined;
    found = message.contentType;
  }
  return found;
}

/**
 * The bytes as UTF-8 text, or undefined when they are not valid UTF-8: checked by Node's own
 * validator, then decoded (a fatal TextDecoder did both at several times the cost per message).
 */
function utf8(buffer: Buffer): string | undefined {
  if (!isUtf8(buffer)) return undefined;
  const text = buffer.toString('utf8');
  // As the decoder did: a leading byte order mark is not part of the text.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
