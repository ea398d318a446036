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

/**
 * Parses a response body by its Content-Type: JSON (incl. `+json`) to a value, falling back to the
 * raw string when it does not parse; XML and text to a string (charset honoured); anything else to
 * a Uint8Array. An empty body is undefined. Without a Content-Type, JSON-looking text is parsed,
 * other UTF-8 text is a string, and the rest stays bytes.
 */
export function parseResponseBody(options: {
  readonly bytes: Buffer;
  readonly contentType: string | undefined;
}): unknown {
  const { bytes, contentType } = options;
  if (bytes.length === 0) return undefined;
  if (contentType === undefined || contentType.trim() === '') {
    if (!looksLikeText(bytes)) return new Uint8Array(bytes);
    const text = bytes.toString('utf8');
    return /^\s*[[{"]/.test(text) ? parseJsonOrText(text) : text;
  }
  switch (classifyMediaType({ mediaType: contentType })) {
    case 'json':
      return parseJsonOrText(decode(bytes, contentType));
    case 'xml':
    case 'text':
    case 'form':
      return decode(bytes, contentType);
    default:
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}
