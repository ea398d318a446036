/**
 * A simple, transport-agnostic rendering of a PreparedRequest into a SentRequest: path templating,
 * form-style query, headers and cookies, JSON or raw body. Used by the in-memory transport only; the
 * real wire format (styles, explode, media types) belongs to the HTTP adapter.
 */
import type { PreparedRequest, SentRequest } from '../adapters/transport.js';

const text = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

/** Render `request` as the memory transport pretends to send it. */
export function buildSimpleRequest(options: { request: PreparedRequest }): SentRequest {
  const { request } = options;
  const base = (request.serverUrl ?? request.operation.servers[0]?.url ?? '').replace(/\/+$/, '');
  let path = request.operation.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const p of request.parameters) {
    if (p.in === 'path') path = path.split(`{${p.name}}`).join(encodeURIComponent(text(p.value)));
    else if (p.in === 'query') {
      const values = Array.isArray(p.value) ? p.value : [p.value];
      for (const v of values) query.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(text(v))}`);
    } else if (p.in === 'header') headers[p.name.toLowerCase()] = text(p.value);
    else if (p.in === 'cookie') cookies.push(`${p.name}=${encodeURIComponent(text(p.value))}`);
  }
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  let body: string | undefined;
  if (request.body !== undefined) {
    const { value, contentType } = request.body;
    body =
      typeof value === 'string'
        ? value
        : value instanceof Uint8Array
          ? Buffer.from(value).toString('utf8')
          : JSON.stringify(value);
    headers['content-type'] = contentType ?? (typeof value === 'string' ? 'text/plain' : 'application/json');
  }
  const url = `${base}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  return body === undefined
    ? { method: request.operation.method.toUpperCase(), url, headers }
    : { method: request.operation.method.toUpperCase(), url, headers, body };
}
