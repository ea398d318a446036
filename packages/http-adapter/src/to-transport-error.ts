import type { SentRequest } from '@telaio/core';
import { TransportError } from '@telaio/core';

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed while sending',
  ABORTED: 'aborted',
  ERR_TOO_MANY_REDIRECTS: 'too many redirects',
};

/**
 * Turns whatever the HTTP client (or the body encoder) threw into core's TransportError, with a code
 * (`ECONNREFUSED`, `ETIMEDOUT`, `ABORTED`, `ECONNRESET`, `ENOTFOUND`, ...) and a message that names
 * the method and URL. TransportErrors pass through unchanged. `url` should already be redacted.
 */
export function toTransportError(options: {
  readonly error: unknown;
  readonly method: string;
  readonly url: string;
  readonly request?: SentRequest;
  readonly aborted?: boolean;
}): TransportError {
  const { error, method, url } = options;
  if (error instanceof TransportError) return error;
  const e = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown; event?: unknown };
  let code = typeof e.code === 'string' ? e.code : 'ERR_TRANSPORT';
  if (options.aborted === true || e.name === 'AbortError' || code === 'ERR_ABORTED' || code === 'ABORT_ERR')
    code = 'ABORTED';
  if (e.name === 'TimeoutError') code = 'ETIMEDOUT';
  let reason = REASONS[code] ?? (typeof e.message === 'string' ? e.message : String(error));
  if (code === 'ETIMEDOUT' && typeof e.event === 'string') {
    reason = e.event === 'request' ? 'timed out (total request time)' : `timed out (${e.event})`;
  }
  return new TransportError(code, `${method} ${url} failed: ${reason} [${code}]`, {
    cause: error,
    ...(options.request === undefined ? {} : { request: options.request }),
  });
}
