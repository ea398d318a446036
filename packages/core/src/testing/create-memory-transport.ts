/**
 * An in-memory Transport for tests, examples and benchmarks: a handler function plays the server.
 */
import {
  type PreparedRequest,
  type ReceivedResponse,
  type SentRequest,
  type Transport,
  TransportError,
} from '../adapters/transport.js';
import { buildSimpleRequest } from './build-simple-request.js';

/** What a memory handler answers. Header names may use any case; `body` is returned as given (already parsed). */
export interface MemoryResponse {
  /** HTTP status code the transport resolves with (`statusCode`). */
  readonly status: number;
  /** Response headers; names are lower-cased. A `retry-after` header sets `retryAfterMs`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The parsed body (a JSON value, a string, a Uint8Array), returned as is; absent: empty. */
  readonly body?: unknown;
}

/** Plays the server: gets the prepared request and its simple rendering; may throw a TransportError. */
export type MemoryHandler = (
  request: PreparedRequest,
  info: { readonly sent: SentRequest; readonly signal: AbortSignal; readonly index: number },
) => MemoryResponse | Promise<MemoryResponse>;

/** A Transport that also remembers what it was asked to send. */
export interface MemoryTransport extends Transport {
  /** Every request sent (when `record` is on), in order. */
  readonly sent: SentRequest[];
  /** Every prepared request (when `record` is on), in order. */
  readonly prepared: PreparedRequest[];
}

/** Parse a Retry-After value (delta-seconds or HTTP-date) into milliseconds from now. */
export function parseRetryAfter(options: { value: string | undefined; now?: number }): number | undefined {
  const { value } = options;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - (options.now ?? Date.now()));
}

/** Create an in-memory transport from a handler (or `{handler, record}`; `record` defaults to true). */
export function createMemoryTransport(
  options: MemoryHandler | { readonly handler: MemoryHandler; readonly record?: boolean },
): MemoryTransport {
  const handler = typeof options === 'function' ? options : options.handler;
  const record = typeof options === 'function' ? true : options.record !== false;
  const sent: SentRequest[] = [];
  const prepared: PreparedRequest[] = [];
  let index = 0;
  return {
    sent,
    prepared,
    async send(request, context) {
      const started = performance.now();
      const request_ = buildSimpleRequest({ request });
      if (record) {
        sent.push(request_);
        prepared.push(request);
      }
      const { signal } = context;
      if (signal.aborted) throw new TransportError('ABORTED', 'request aborted', { request: request_ });
      let onAbort: (() => void) | undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => reject(new TransportError('ABORTED', 'request aborted', { request: request_ }));
        signal.addEventListener('abort', onAbort, { once: true });
      });
      try {
        const answer = await Promise.race([
          handler(request, { sent: request_, signal, index: index++ }),
          aborted,
        ]);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(answer.headers ?? {})) headers[k.toLowerCase()] = v;
        const retryAfterMs = parseRetryAfter({ value: headers['retry-after'] });
        const response: ReceivedResponse = {
          statusCode: answer.status,
          headers,
          body: answer.body,
          request: request_,
          durationMs: performance.now() - started,
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        };
        return response;
      } finally {
        if (onAbort) signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
