/**
 * Message payloads on the wire, one rule for every message transport: how an OutgoingMessage payload
 * becomes bytes (and the text SentMessage.body records), and how received bytes become
 * `$message.payload`.
 */

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b|^application\/json\b|\+json\b/i;
const TEXT_TYPE = /^text\/|^application\/(?:xml|[\w.+-]+\+xml|x-www-form-urlencoded)\b/i;

/** True for JSON media types (`application/json`, `application/cloudevents+json`...). */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && JSON_TYPE.test(contentType.trim());
}

/**
 * The bytes of `payload` for `contentType`: a Uint8Array as is, a string as UTF-8, any other value as
 * JSON text (also under a non-JSON type: nothing else could carry it); `body` is the same as text,
 * binary as `base64:<data>`.
 */
export function encodeMessagePayload(
  payload: unknown,
  contentType: string,
): { readonly bytes: Uint8Array; readonly body: string } {
  if (payload instanceof Uint8Array) {
    return { bytes: payload, body: `base64:${Buffer.from(payload).toString('base64')}` };
  }
  if (typeof payload === 'string' && !isJsonContentType(contentType)) {
    return { bytes: Buffer.from(payload, 'utf8'), body: payload };
  }
  const text = JSON.stringify(payload === undefined ? null : payload);
  return { bytes: Buffer.from(text, 'utf8'), body: text };
}

/**
 * `$message.payload` from received bytes: a JSON content type (or none, with text that parses as
 * JSON) gives the JSON value; a text type the string; anything else the bytes. `body` is the text
 * for reports (binary as `base64:<data>`). Empty bytes give an undefined payload.
 */
export function decodeMessagePayload(
  bytes: Uint8Array,
  contentType: string | undefined,
): { readonly payload: unknown; readonly body: string } {
  if (bytes.length === 0) return { payload: undefined, body: '' };
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const json = isJsonContentType(contentType);
  if (json || contentType === undefined || contentType.trim() === '') {
    try {
      return { payload: JSON.parse(text) as unknown, body: text };
    } catch {
      if (json) return { payload: text, body: text };
    }
  }
  if (contentType === undefined || contentType.trim() === '' || TEXT_TYPE.test(contentType.trim())) {
    return { payload: text, body: text };
  }
  return { payload: bytes, body: `base64:${Buffer.from(bytes).toString('base64')}` };
}
