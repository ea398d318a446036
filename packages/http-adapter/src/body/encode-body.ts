import type { PreparedRequest } from '@telaio/core';
import { serializeParameter } from '../url/serialize-parameter.js';
import { encodeMultipart } from './encode-multipart.js';
import { classifyMediaType } from './media-type.js';
import { toXml } from './to-xml.js';

/** A request body ready for the wire. */
export interface EncodedBody {
  /** Content-Type header value (multipart includes its boundary). */
  readonly contentType: string;
  readonly payload: string | Buffer;
  /** The body as text for `$request.body`, logs and HAR; undefined for binary bodies. */
  readonly text: string | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

/** The media type: the step's, else the operation's only (or first JSON) one, else JSON. */
function chooseMediaType(request: PreparedRequest): { mediaType: string; encoding?: unknown } {
  const content = request.operation.requestBody?.content ?? {};
  const types = Object.keys(content);
  const wanted = request.body?.contentType;
  if (wanted !== undefined && wanted !== '') {
    const base = wanted.split(';')[0]?.trim().toLowerCase();
    const match = types.find((t) => t.toLowerCase() === base);
    return { mediaType: wanted, encoding: match === undefined ? undefined : content[match]?.encoding };
  }
  const pick =
    types.length === 1
      ? types[0]
      : (types.find((t) => classifyMediaType({ mediaType: t }) === 'json') ?? types[0]);
  if (pick === undefined || pick.includes('*')) return { mediaType: 'application/json' };
  return { mediaType: pick, encoding: content[pick]?.encoding };
}

/** application/x-www-form-urlencoded: each property by its encoding entry (form/explode by default; nested objects as `a[b]`). */
function encodeForm(value: unknown, encoding: unknown): string {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return '';
  const pairs: string[] = [];
  for (const [name, property] of Object.entries(value)) {
    if (property === undefined) continue;
    const entry = isRecord(encoding) && isRecord(encoding[name]) ? encoding[name] : {};
    const asJson =
      typeof entry.contentType === 'string' && classifyMediaType({ mediaType: entry.contentType }) === 'json';
    const style = typeof entry.style === 'string' ? entry.style : isRecord(property) ? 'deepObject' : 'form';
    const serialized = serializeParameter({
      name,
      in: 'query',
      value: asJson ? JSON.stringify(property) : property,
      style,
      explode: typeof entry.explode === 'boolean' ? entry.explode : undefined,
      allowReserved: entry.allowReserved === true,
      // Swagger 2.0 formData arrays (see convertSwagger2): joined by their collectionFormat
      collectionFormat: typeof entry.collectionFormat === 'string' ? entry.collectionFormat : undefined,
    });
    pairs.push(...(serialized.pairs ?? []));
  }
  return pairs.join('&');
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

/**
 * Encodes `request.body` by its media type: JSON (a string that already parses as JSON is sent as
 * is), url-encoded form, multipart/form-data (with files), XML (strings as is, objects via toXml),
 * text, and binary (Uint8Array/Buffer/string as bytes). Returns undefined when there is no body.
 */
export async function encodeBody(options: {
  readonly request: PreparedRequest;
}): Promise<EncodedBody | undefined> {
  const { request } = options;
  if (request.body === undefined || request.body.value === undefined) return undefined;
  const { value } = request.body;
  const { mediaType, encoding } = chooseMediaType(request);
  switch (classifyMediaType({ mediaType })) {
    case 'json': {
      let text: string;
      if (value instanceof Uint8Array) text = Buffer.from(value).toString('utf8');
      else if (typeof value === 'string' && isJsonText(value)) text = value;
      else text = JSON.stringify(value) ?? 'null';
      return { contentType: mediaType, payload: text, text };
    }
    case 'form': {
      const text = encodeForm(value, encoding);
      return { contentType: mediaType, payload: text, text };
    }
    case 'multipart': {
      const { payload, contentType } = await encodeMultipart({ value, encoding });
      return { contentType, payload, text: payload.toString('utf8') };
    }
    case 'xml': {
      const text =
        typeof value === 'string' ? value : value instanceof Uint8Array ? asText(value) : toXml({ value });
      return { contentType: mediaType, payload: text, text };
    }
    case 'text': {
      const text = asText(value);
      return { contentType: mediaType, payload: text, text };
    }
    default: {
      if (value instanceof Uint8Array)
        return {
          contentType: mediaType,
          payload: Buffer.from(value.buffer, value.byteOffset, value.byteLength),
          text: undefined,
        };
      const text = asText(value);
      return { contentType: mediaType, payload: text, text };
    }
  }
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
