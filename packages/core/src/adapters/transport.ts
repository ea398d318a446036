import type { ParameterLocation, SourceDescription } from '../model/arazzo.js';
import type { OperationInfo } from '../sources/types.js';
import type { CredentialProvider, RequestSecurity } from './credentials.js';

/**
 * A request as the engine hands it to a Transport: the operation it targets and the values of its
 * parameters and body, not yet serialised. The transport owns the wire format (URL, styles, bodies,
 * security), because only it knows HTTP.
 */
export interface PreparedRequest {
  /** The OpenAPI operation (servers, parameter definitions, request body, security). */
  readonly operation: OperationInfo;
  /** Base URL chosen for this request's source (`--server`, a credential provider, or undefined for the operation's servers). */
  readonly serverUrl?: string;
  /**
   * The sourceDescription the operation came from (optional): handed to the CredentialProvider, and
   * its absolute http(s) `url` resolves relative OpenAPI server URLs. Transports fall back to
   * `{name: operation.sourceName, url: ''}` when absent.
   */
  readonly source?: SourceDescription;
  /** Parameter values, one entry per name+location, after step overrides. */
  readonly parameters: readonly RequestParameter[];
  /** Request body, if the step has one. `value` is a JSON value, or a string/Uint8Array for raw bodies. */
  readonly body?: { readonly contentType?: string; readonly value: unknown };
  /**
   * Security the step asks for itself (`x-security`), credentials included: applied after, and over,
   * what the operation's security and `TransportContext.credentials` give. Its secrets are as
   * secret as any credential: mask them in every output (see credentialSecrets).
   */
  readonly security?: readonly RequestSecurity[];
}

/** A parameter value to serialise. */
export interface RequestParameter {
  /** Parameter name, as the OpenAPI operation declares it. */
  readonly name: string;
  /** Where it goes: `path`, `query`, `header` or `cookie`. */
  readonly in: ParameterLocation;
  /** The value to serialise (a JSON value: scalar, array or object); the transport applies the OpenAPI style. */
  readonly value: unknown;
}

/** What was actually put on the wire (for `$url`, `$request.*`, reports and HAR). */
export interface SentRequest {
  /** Upper-case method. */
  readonly method: string;
  /** The full URL, query string included. */
  readonly url: string;
  /** Lower-case header names. Secret values are as sent: masking happens at output time. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as sent, as text; absent when none was sent (a transport may leave binary bodies out). */
  readonly body?: string;
}

/** A response, parsed by content type. */
export interface ReceivedResponse {
  /** HTTP status code (`$statusCode`); 4xx and 5xx arrive here too, never as errors. */
  readonly statusCode: number;
  /** Lower-case header names; repeated headers joined with `, ` (`set-cookie` with `\n`). */
  readonly headers: Readonly<Record<string, string>>;
  /** JSON value for JSON media types; string for XML and text; Uint8Array for binary; undefined when empty. */
  readonly body: unknown;
  /** The request as sent. */
  readonly request: SentRequest;
  /** Retry-After, when present, converted to milliseconds from now. */
  readonly retryAfterMs?: number;
  /** Milliseconds from send to full body. */
  readonly durationMs: number;
  /** What the transport had to guess (a JSON body under a text or binary Content-Type, read as JSON). */
  readonly warnings?: readonly string[];
}

/** Per-send context. */
export interface TransportContext {
  /** Aborts the request (run cancelled). */
  readonly signal: AbortSignal;
  /** Credentials to apply for the operation's security. */
  readonly credentials?: CredentialProvider;
}

/**
 * Sends one request. Network failures reject with a TransportError; HTTP error statuses resolve
 * normally (they are for successCriteria to judge).
 */
export interface Transport {
  /**
   * Serialise `request` (URL, parameter styles, body, security from `context.credentials`), send it and
   * parse the response. Resolves with any HTTP status; rejects only with a TransportError (no
   * response, or `context.signal` aborted: code `ABORTED`).
   */
  send(request: PreparedRequest, context: TransportContext): Promise<ReceivedResponse>;
}

/** A request that got no HTTP response (refused, reset, timeout, DNS, aborted). */
export class TransportError extends Error {
  /** `ECONNREFUSED`, `ETIMEDOUT`, `ABORTED`, `EPROTO`, ... */
  readonly code: string;
  /** The request as far as it was built, when known. */
  readonly request: SentRequest | undefined;
  /** `code` as above; `options.cause` is the underlying error, `options.request` the request as built. */
  constructor(code: string, message: string, options?: { cause?: unknown; request?: SentRequest }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TransportError';
    this.code = code;
    this.request = options?.request;
  }
}
