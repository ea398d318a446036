import { redactUrlsIn } from './redact-url.js';

/** Causes by error code, in words a person acts on. */
const CAUSES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'DNS: no such host',
  EAI_AGAIN: 'DNS: lookup failed (temporary)',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for the response',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the response',
};

/** TLS and certificate error codes (OpenSSL's and Node's). */
const TLS =
  /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;

/**
 * Why a fetch failed, naming the cause instead of undici's bare "fetch failed": connection refused,
 * DNS, TLS (with the certificate error), timeout, reset; URLs in messages keep no credentials or
 * query values. Looks through the error's `cause` chain, where undici puts the system error.
 */
export function describeFetchFailure(error: unknown): string {
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (name === 'TimeoutError') return 'timed out';
    if (typeof code === 'string') {
      if (code in CAUSES) return CAUSES[code] as string;
      if (TLS.test(code))
        return `TLS: ${code}${typeof message === 'string' ? ` (${redactUrlsIn(message)})` : ''}`;
    }
    if (typeof message === 'string' && /includes credentials/i.test(message))
      return 'a URL with user:password@ is refused (credentials are never sent in a URL)';
    e = (e as { cause?: unknown }).cause;
  }
  // undici's own message is a bare "fetch failed"; its cause says more ("bad port", ...).
  const cause = (error as { cause?: { message?: unknown } }).cause?.message;
  const text =
    typeof cause === 'string' && cause !== ''
      ? cause
      : error instanceof Error
        ? error.message
        : String(error);
  return redactUrlsIn(text);
}
