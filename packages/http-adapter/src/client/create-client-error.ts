/**
 * The errors the HTTP client makes itself (Node's own, such as ECONNREFUSED or HPE_HEADER_OVERFLOW,
 * pass through as they are): each an Error with a `code` that to-transport-error.ts and
 * to-limit-error.ts read.
 */

/** Error codes of the client's own failures. */
export type ClientErrorCode =
  | 'ETIMEDOUT'
  | 'ABORTED'
  | 'ERR_TOO_MANY_REDIRECTS'
  | 'ERR_BODY_TOO_LARGE'
  | 'ERR_UNSUPPORTED_PROTOCOL';

/** A client failure: `code`, and for some codes more facts. */
export interface ClientError extends Error {
  readonly code: ClientErrorCode;
  /** ETIMEDOUT: which limit passed, `connect` or `request` (the whole exchange). */
  readonly event?: 'connect' | 'request';
  /** ERR_BODY_TOO_LARGE: decompressed bytes received when the limit was passed. */
  readonly received?: number;
}

/** A ClientError with `code`, `message` and the facts of its kind. */
export function createClientError(
  code: ClientErrorCode,
  message: string,
  facts: { readonly event?: 'connect' | 'request'; readonly received?: number } = {},
): ClientError {
  const name = code === 'ETIMEDOUT' ? 'TimeoutError' : code === 'ABORTED' ? 'AbortError' : 'RequestError';
  return Object.assign(new Error(message), { name, code, ...facts });
}
