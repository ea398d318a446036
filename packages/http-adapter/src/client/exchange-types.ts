/**
 * The HTTP client's shapes: one exchange (a request, the redirects it follows, the final response
 * read to its end), as the transport asks for it and as it comes back.
 */
import type http from 'node:http';
import type https from 'node:https';

/**
 * Milliseconds spent in each phase of the final request (HAR timings come from these): waiting for
 * a socket, DNS, TCP, TLS, sending, waiting for the first byte, reading the body, and in all.
 * A phase that did not happen (a reused connection has no DNS, TCP or TLS) is undefined.
 */
export interface ExchangePhases {
  readonly wait?: number;
  readonly dns?: number;
  readonly tcp?: number;
  readonly tls?: number;
  readonly request?: number;
  readonly firstByte?: number;
  readonly download?: number;
  readonly total?: number;
}

/** The next request of a redirect, before it is sent: a guard may change its URL and headers, or throw. */
export interface RedirectStep {
  /** Where the redirect leads (resolved against the URL that answered). */
  url: URL;
  /** The headers the next request will carry (lower-case names). */
  readonly headers: Record<string, string>;
  /** The URL that answered with the redirect. */
  readonly from: URL;
  /** The URL the exchange was first sent to. */
  readonly first: URL;
}

/** One exchange to send. */
export interface ExchangeOptions {
  readonly url: string;
  /** Upper-case method. */
  readonly method: string;
  /** Request headers; `content-length` and `accept-encoding` are added when absent. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Agents by protocol (read only for a request of that protocol); Node's global agents when absent. */
  readonly agents: { readonly http?: http.Agent; readonly https?: https.Agent };
  /** Most milliseconds from getting a socket to a connected one (DNS, TCP and TLS). */
  readonly connectTimeoutMs: number;
  /** Most milliseconds for the whole exchange, redirects and the final body included. */
  readonly totalTimeoutMs: number;
  /** Most bytes of a response's header section; Node's default when absent. */
  readonly maxHeaderBytes?: number;
  /** Most bytes of the final body, counted after decompression. */
  readonly maxBodyBytes: number;
  /** Follow 301, 302, 303, 307 and 308 answers that carry a Location. */
  readonly followRedirects: boolean;
  /** Most redirects followed before the exchange fails with ERR_TOO_MANY_REDIRECTS. Default 10. */
  readonly maxRedirects?: number;
  /** Runs before each redirect is followed; it may change the step, or throw to refuse it. */
  readonly beforeRedirect?: (step: RedirectStep) => void;
}

/** The final response, its body read (and decompressed). */
export interface ExchangeResponse {
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly httpVersion: string;
  readonly headers: http.IncomingHttpHeaders;
  /** Header names and values as received, alternating. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
  /** The URL that gave this response (after redirects). */
  readonly url: string;
  /** The server's address, when the socket knew it. */
  readonly ip: string | undefined;
  readonly phases: ExchangePhases;
}

/** An exchange in flight: a promise of its response that can be cancelled. */
export interface PendingExchange extends PromiseLike<ExchangeResponse> {
  /** Stops the exchange; the promise rejects with an AbortError (code ABORTED). */
  cancel(reason?: string): void;
}
