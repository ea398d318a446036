import { classifyMediaType } from '../body/media-type.js';

function decode(bytes: Buffer, contentType: string): string {
  if (!contentType.includes('charset')) return bytes.toString('utf8');
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  if (charset === undefined || /^utf-?8$/i.test(charset)) return bytes.toString('utf8');
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** True when the bytes are valid UTF-8 without control characters other than whitespace. */
function looksLikeText(bytes: Buffer): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD')) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b)
      return false;
  }
  return true;
}

/** A parsed body, and a note when it was read as JSON against its Content-Type. */
export interface ParsedBody {
  readonly body: unknown;
  readonly warning?: string;
}

/**
 * Parses a response body by its Content-Type: JSON (incl. `+json`) to a value, falling back to the
 * raw string when it does not parse; XML and text to a string (charset honoured); anything else to
 * a Uint8Array. An empty body is undefined. Without a Content-Type, JSON-looking text is parsed,
 * other UTF-8 text is a string, and the rest stays bytes. A text or binary Content-Type whose body
 * is a JSON object or array (`{`/`[` first) is parsed too, with a warning: an API that mislabels its
 * JSON stays readable through `$response.body#/pointer`, never an object of byte indices.
 */
export function parseResponseBody(options: {
  readonly bytes: Buffer;
  readonly contentType: string | undefined;
}): ParsedBody {
  const { bytes, contentType } = options;
  if (bytes.length === 0) return { body: undefined };
  if (contentType === undefined || contentType.trim() === '') {
    if (!looksLikeText(bytes)) return { body: new Uint8Array(bytes) };
    const text = bytes.toString('utf8');
    return { body: /^\s*[[{"]/.test(text) ? parseJsonOrText(text) : text };
  }
  const kind = classifyMediaType({ mediaType: contentType });
  if (kind === 'json') return { body: parseJsonOrText(decode(bytes, contentType)) };
  if (kind !== 'xml' && kind !== 'form') {
    const json = jsonStructure(bytes, contentType, kind === 'text');
    if (json !== undefined)
      return {
        body: json,
        warning: `the body is JSON but its Content-Type is '${contentType}': read as JSON`,
      };
  }
  if (kind === 'xml' || kind === 'text' || kind === 'form') return { body: decode(bytes, contentType) };
  return { body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** The JSON object or array the bytes hold, else undefined. */
function jsonStructure(bytes: Buffer, contentType: string, isText: boolean): unknown {
  const first = bytes.subarray(0, 64).toString('latin1').trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  if (!isText && !looksLikeText(bytes)) return undefined;
  try {
    return JSON.parse(isText ? decode(bytes, contentType) : bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
