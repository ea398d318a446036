/**
 * Typed access to a request's JSON body fields, failing with Stytch's 400 errors: a missing
 * required field, a field of the wrong type, a session duration outside 5..527040 minutes.
 */
import { fail } from './stytch-error.js';

/** Accessors over one request body; each throws a StytchError on bad input. */
export interface FieldReader {
  /** A required non-empty string. */
  string(name: string): string;
  /** An optional string ('' and absent both read as undefined). */
  optionalString(name: string): string | undefined;
  /** An optional integer between `min` and `max`, failing with `invalid_<name>`. */
  optionalInteger(name: string, min: number, max: number): number | undefined;
  /** `session_duration_minutes`: an optional integer within Stytch's 5..527040. */
  sessionDuration(): number | undefined;
  /** The session an authenticate call carries: optional `session_token` then `session_jwt`. */
  carriedSession(): { sessionToken: string | undefined; sessionJwt: string | undefined };
  /** An optional JSON object (defaults to {}). */
  object(name: string): Record<string, unknown>;
}

/** Session durations Stytch accepts, in minutes (5 minutes to 366 days). */
export const SESSION_DURATION_BOUNDS = { min: 5, max: 527040 } as const;

/** Wraps a parsed JSON body (any JSON value; a non-object body has no fields). */
export function readFields(options: { body: unknown }): FieldReader {
  const body = (
    typeof options.body === 'object' && options.body !== null && !Array.isArray(options.body)
      ? options.body
      : {}
  ) as Record<string, unknown>;
  const present = (name: string) => body[name] !== undefined && body[name] !== null;
  const reader: FieldReader = {
    string(name) {
      const value = body[name];
      if (!present(name) || value === '')
        fail(400, 'missing_required_field', `${name} is a required field, but it was not provided.`);
      if (typeof value !== 'string') fail(400, 'invalid_request_body', `${name} must be a string.`);
      return value;
    },
    optionalString(name) {
      if (!present(name)) return undefined;
      const value = body[name];
      if (typeof value !== 'string') fail(400, 'invalid_request_body', `${name} must be a string.`);
      return value === '' ? undefined : value;
    },
    optionalInteger(name, min, max) {
      if (!present(name)) return undefined;
      const value = body[name];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        fail(400, `invalid_${name}`, `${name} is invalid, it must be an integer between ${min} and ${max}.`);
      }
      return value;
    },
    sessionDuration() {
      return reader.optionalInteger(
        'session_duration_minutes',
        SESSION_DURATION_BOUNDS.min,
        SESSION_DURATION_BOUNDS.max,
      );
    },
    carriedSession() {
      const sessionToken = reader.optionalString('session_token');
      return { sessionToken, sessionJwt: reader.optionalString('session_jwt') };
    },
    object(name) {
      if (!present(name)) return {};
      const value = body[name];
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(400, 'invalid_request_body', `${name} must be an object.`);
      return value as Record<string, unknown>;
    },
  };
  return reader;
}
