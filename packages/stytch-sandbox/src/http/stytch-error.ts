/**
 * Failures as Stytch reports them: an HTTP status and an `error_type`, rendered by the request
 * handler into Stytch's envelope `{status_code, request_id, error_type, error_message, error_url}`.
 */

/** A failure a handler raises to answer with Stytch's error envelope. */
export class StytchError extends Error {
  /** HTTP status of the answer. */
  readonly status: number;
  /** Stytch's machine-readable error type, e.g. `member_not_found`. */
  readonly errorType: string;

  constructor(options: { status: number; errorType: string; message: string }) {
    super(options.message);
    this.name = 'StytchError';
    this.status = options.status;
    this.errorType = options.errorType;
  }
}

/** Raises a StytchError; typed `never` so callers can use it in expressions. */
export function fail(status: number, errorType: string, message: string): never {
  throw new StytchError({ status, errorType, message });
}

/** The JSON body of an error answer, in Stytch's shape. */
export function renderErrorBody(options: { error: StytchError; requestId: string }): Record<string, unknown> {
  return {
    status_code: options.error.status,
    request_id: options.requestId,
    error_type: options.error.errorType,
    error_message: options.error.message,
    error_url: `https://stytch.com/docs/api/errors/${options.error.status}`,
  };
}
