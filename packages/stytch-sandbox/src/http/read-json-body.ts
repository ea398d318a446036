/**
 * Reads a request body up to a size limit and parses it as JSON. Too large: 413; not JSON by its
 * content type: 415; unparseable: 400 `invalid_json`; a JSON value that is not an object: 400.
 */
import type { IncomingMessage } from 'node:http';
import { fail } from './stytch-error.js';

/** Default largest body accepted, in bytes. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Resolves with the body as an object ({} when empty), or rejects with a StytchError. */
export async function readJsonBody(options: {
  request: IncomingMessage;
  limit?: number;
}): Promise<Record<string, unknown>> {
  const { request } = options;
  const limit = options.limit ?? DEFAULT_BODY_LIMIT;
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) fail(413, 'request_too_large', `The request body exceeds ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit (keeping nothing more), so the socket stays usable for the
  // 413 answer: breaking out of the stream would destroy it.
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) fail(413, 'request_too_large', `The request body exceeds ${limit} bytes.`);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  const type = request.headers['content-type'];
  if (type !== undefined && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    fail(
      415,
      'invalid_content_type',
      'Request bodies must be JSON, sent with Content-Type: application/json.',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(400, 'invalid_request_body', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}
