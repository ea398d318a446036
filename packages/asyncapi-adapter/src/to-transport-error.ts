import { raceAbort, TransportError } from '@telaio/core';

/** MQTT CONNACK codes (3.1.1 return codes, 5.0 reason codes) that mean the login was refused. */
const REFUSED_LOGIN = new Set([4, 5, 134, 135, 138, 140]);

/**
 * A protocol library's error as core's TransportError, its message prefixed with what was being
 * done (`connect to mqtt://127.0.0.1:1883`): a socket error keeps its code (`ECONNREFUSED`,
 * `ECONNRESET`, `ENOTFOUND`), a refused login is `NOT_AUTHORIZED`, an MQTT version the broker does
 * not accept `UNSUPPORTED_PROTOCOL_VERSION`, anything else `EPROTO`. Never carries credentials:
 * `what` names the server without them, and library messages do not echo them.
 */
export function toTransportError(error: unknown, what: string): TransportError {
  if (error instanceof TransportError) return error;
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const code = e?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
    return new TransportError(code, `${what}: ${message}`, { cause: error });
  if (typeof code === 'number' && REFUSED_LOGIN.has(code))
    return new TransportError('NOT_AUTHORIZED', `${what}: ${message}`, { cause: error });
  if (/not authori[sz]ed|bad user ?name or password|ACCESS_REFUSED|403/i.test(message))
    return new TransportError('NOT_AUTHORIZED', `${what}: ${message}`, { cause: error });
  if (/unacceptable protocol version|unsupported protocol version/i.test(message))
    return new TransportError('UNSUPPORTED_PROTOCOL_VERSION', `${what}: ${message}`, { cause: error });
  return new TransportError('EPROTO', `${what}: ${message}`, { cause: error });
}

/** Rejects with `ABORTED` when `signal` aborts before `promise` settles (core's raceAbort). */
export function raceTransportAbort<T>(promise: Promise<T>, signal: AbortSignal, what: string): Promise<T> {
  return raceAbort(promise, signal, () => new TransportError('ABORTED', `${what}: aborted`));
}
