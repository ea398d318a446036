/**
 * A short excerpt of a response for failure reports: why the API refused, in its own words. The
 * body is as the transport parsed it (JSON value, string for text and XML, Uint8Array for binary).
 */

/** Longest excerpt, in characters (a cut never splits a word, so no half token is left to mask). */
export const EXCERPT_LENGTH = 200;

/** Strings longer than this are not parsed as JSON or cleaned of markup (only their start is read). */
const SCAN_LENGTH = 8192;

/**
 * The common error fields of a JSON body joined with `: ` (Stytch `error_type: error_message`,
 * OAuth `error: error_description`, `error`/`code` with `message`, RFC 9457 `title: detail`, the
 * first of an `errors` array), else the start of a text body with whitespace collapsed (markup
 * dropped for HTML); undefined for binary, empty bodies and JSON without such fields.
 */
export function responseExcerpt(body: unknown, contentType?: string): string | undefined {
  if (body === undefined || body === null || body instanceof Uint8Array) return undefined;
  if (typeof body === 'string') {
    const head = body.slice(0, SCAN_LENGTH);
    const trimmed = head.trim();
    if (trimmed.startsWith('{') && body.length <= SCAN_LENGTH) {
      try {
        const fields = errorFields(JSON.parse(trimmed), 0);
        if (fields.length > 0) return clip(fields.join(': '));
      } catch {
        // text that only looks like JSON
      }
    }
    const html = /html/i.test(contentType ?? '') || /^<!doctype html|^<html/i.test(trimmed);
    return clip(html ? head.replace(/<(script|style)\b[\s\S]*?<\/\1>|<[^>]*>/gi, ' ') : head);
  }
  const fields = errorFields(body, 0);
  return fields.length > 0 ? clip(fields.join(': ')) : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

/** The first non-empty string among `values`. */
function firstText(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}

/** Code-like then message-like fields of an error object, nested `error` objects and `errors[0]` included. */
function errorFields(value: unknown, depth: number): string[] {
  if (depth > 2) return [];
  if (typeof value === 'string') return depth > 0 && value.trim() !== '' ? [value.trim()] : [];
  if (Array.isArray(value)) return depth > 0 ? errorFields(value[0], depth + 1) : [];
  if (!isRecord(value)) return [];
  const parts: string[] = [];
  const code = firstText(value.error_type, value.errorType, value.error_code, value.errorCode);
  if (code !== undefined) parts.push(code);
  const error = firstText(value.error);
  if (error !== undefined) parts.push(error);
  else if (typeof value.error === 'object') parts.push(...errorFields(value.error, depth + 1));
  const message = firstText(
    value.error_message,
    value.errorMessage,
    value.error_description,
    value.message,
    value.detail,
  );
  // A bare `code`/`status` says little on its own; an RFC 9457 `title` does.
  if (parts.length === 0) {
    const label =
      message === undefined ? firstText(value.title) : firstText(value.code, value.status, value.title);
    if (label !== undefined) parts.push(label);
  }
  if (message !== undefined) parts.push(message);
  if (parts.length === 0 && Array.isArray(value.errors)) parts.push(...errorFields(value.errors, depth + 1));
  return [...new Set(parts)];
}

/** Whitespace collapsed; past EXCERPT_LENGTH cut at the last whole word, with `…`. */
function clip(text: string): string | undefined {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return undefined;
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const whole = flat[EXCERPT_LENGTH] === ' ' ? cut : cut.slice(0, Math.max(0, cut.lastIndexOf(' ')));
  return `${whole.trimEnd()}…`;
}
