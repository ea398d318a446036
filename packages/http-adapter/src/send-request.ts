import type http from 'node:http';
import type https from 'node:https';
import type { PreparedRequest, ReceivedResponse, SentRequest, TransportContext } from '@telaio/core';
import { readMonotonicMs, TelaioError } from '@telaio/core';
import type { Logger } from 'pino';
import { encodeBody } from './body/encode-body.js';
import type { RedirectStep } from './client/exchange-types.js';
import { sendExchange } from './client/send-exchange.js';
import type { HarRecorder } from './har/create-har-recorder.js';
import { recordExchange } from './har/record-exchange.js';
import { toLimitError } from './limits/to-limit-error.js';
import { getOperationFacts } from './operation-facts.js';
import { redactorOf, secretsOf } from './redact-request.js';
import { collectHeaders } from './response/collect-headers.js';
import { parseResponseBody } from './response/parse-response-body.js';
import { parseRetryAfter } from './response/parse-retry-after.js';
import { type AppliedSecurity, applySecurity } from './security/apply-security.js';
import type { TokenCache } from './security/create-token-cache.js';
import { sendWithAbort } from './send-with-abort.js';
import { toTransportError } from './to-transport-error.js';
import { buildUrl } from './url/build-url.js';

/** Security of a request that has none to apply. */
const NO_SECURITY: AppliedSecurity = Object.freeze({
  headers: {},
  query: [],
  cookies: [],
  secrets: [],
  applied: [],
  missing: [],
});

/** The part of a pino logger the transport uses (a silent stand-in needs no pino). */
export type RequestLogger = Pick<Logger, 'isLevelEnabled' | 'info' | 'warn'>;

/** What sendRequest needs from the transport that owns it. */
export interface SendDependencies {
  /** Agents by protocol (the https one made on first use). */
  readonly agents: { readonly http: http.Agent | undefined; readonly https: https.Agent | undefined };
  /** Milliseconds: socket to connected (TLS included), and the whole exchange. */
  readonly timeouts: { readonly connectMs: number; readonly totalMs: number };
  /** Checks a redirect before it is followed (credentials stay with their origin). */
  readonly guardRedirect: (step: RedirectStep, security: AppliedSecurity) => void;
  readonly logger: RequestLogger;
  readonly recorder: HarRecorder | undefined;
  readonly tokens: TokenCache;
  readonly userAgent: string;
  readonly reveal: boolean;
  readonly secretValues: (() => readonly string[]) | undefined;
  /** Methods (upper-case) whose redirects are followed. */
  readonly redirectMethods: ReadonlySet<string>;
  /** Most bytes of a response body, counted after decompression. */
  readonly maxResponseBytes: number;
  /** Most bytes of a response's header section (status line included), or undefined for Node's default. */
  readonly maxHeaderBytes: number | undefined;
}

/**
 * Sends one PreparedRequest: builds URL, headers, cookies and body from the operation, applies
 * security, sends it (client/send-exchange.ts: no retries, HTTP errors resolve), parses the response, logs one
 * redacted pino line and records a HAR entry. Every failure rejects with a TransportError.
 */
export async function sendRequest(options: {
  readonly deps: SendDependencies;
  readonly request: PreparedRequest;
  readonly context: TransportContext;
}): Promise<ReceivedResponse> {
  const { deps, request, context } = options;
  const { operation } = request;
  const facts = getOperationFacts({ operation });
  const { method } = facts;
  const startedAt = deps.recorder === undefined ? 0 : Date.now();
  const start = readMonotonicMs();
  let url = `${operation.sourceName}:${operation.path}`;
  let sent: SentRequest | undefined;
  let secrets: string[] = [];
  let bodySize = 0;
  try {
    if (context.signal.aborted)
      throw toTransportError({ error: context.signal.reason, method, url, aborted: true });
    const target = buildUrl({ request });
    url = target.url;
    const body = request.body === undefined ? undefined : await encodeBody({ request });
    bodySize = body === undefined ? 0 : Buffer.byteLength(body.payload);
    const security =
      (context.credentials === undefined ||
        operation.security.length + Object.keys(operation.securitySchemes).length === 0) &&
      request.security === undefined
        ? NO_SECURITY
        : await applySecurity({
            request,
            credentials: context.credentials,
            tokens: deps.tokens,
            baseUrl: target.base,
            signal: context.signal,
          });
    secrets = security.secrets;
    if (security.query.length > 0) url += (url.includes('?') ? '&' : '?') + security.query.join('&');
    const headers: Record<string, string> = { 'user-agent': deps.userAgent };
    if (facts.accept !== undefined) headers.accept = facts.accept;
    if (body !== undefined) headers['content-type'] = body.contentType;
    Object.assign(headers, security.headers, target.headers);
    const cookies =
      security.cookies.length === 0
        ? target.cookies
        : target.cookies.length === 0
          ? security.cookies
          : [...security.cookies, ...target.cookies];
    if (cookies.length > 0)
      headers.cookie =
        headers.cookie === undefined ? cookies.join('; ') : `${headers.cookie}; ${cookies.join('; ')}`;
    sent = body?.text === undefined ? { method, url, headers } : { method, url, headers, body: body.text };
    if (security.missing.length > 0 && deps.logger.isLevelEnabled('warn')) {
      deps.logger.warn(
        { method, url: redactorOf(deps, context, facts, secrets).url(url), missing: security.missing },
        'no credentials for the required security schemes; sending without',
      );
    }
    const following = deps.redirectMethods.has(method);
    const pending = sendExchange({
      url,
      method,
      headers,
      ...(body === undefined ? {} : { body: body.payload }),
      agents: deps.agents,
      connectTimeoutMs: deps.timeouts.connectMs,
      totalTimeoutMs: deps.timeouts.totalMs,
      ...(deps.maxHeaderBytes === undefined ? {} : { maxHeaderBytes: deps.maxHeaderBytes }),
      maxBodyBytes: deps.maxResponseBytes,
      followRedirects: following,
      ...(following ? { beforeRedirect: (step: RedirectStep) => deps.guardRedirect(step, security) } : {}),
    });
    const exchange = await sendWithAbort({ signal: context.signal, pending }).then(
      undefined,
      (error: unknown) => {
        throw toLimitError({ error, deps, method, url: redactorOf(deps, context, facts, secrets).url(url) });
      },
    );
    const parsed = parseResponseBody({ bytes: exchange.body, contentType: exchange.headers['content-type'] });
    const received: ReceivedResponse = {
      statusCode: exchange.statusCode,
      headers: collectHeaders({ rawHeaders: exchange.rawHeaders }),
      body: parsed.body,
      request: sent,
      durationMs: readMonotonicMs() - start,
      ...(parsed.warning === undefined ? {} : { warnings: [parsed.warning] }),
    };
    const retryAfterMs = parseRetryAfter({ value: received.headers['retry-after'] });
    const result = retryAfterMs === undefined ? received : { ...received, retryAfterMs };
    if (deps.logger.isLevelEnabled('info')) {
      const r = redactorOf(deps, context, facts, secrets);
      const line: Record<string, unknown> = {
        method,
        url: r.url(url),
        status: result.statusCode,
        durationMs: Math.round(result.durationMs),
      };
      if (deps.logger.isLevelEnabled('debug')) {
        line.requestHeaders = r.headers(headers);
        line.requestBody = sent.body === undefined ? undefined : r.body(sent.body, headers['content-type']);
        line.responseHeaders = r.headers(result.headers);
        line.responseBody = r.value(
          result.body instanceof Uint8Array ? `<${result.body.length} bytes>` : result.body,
        );
      }
      deps.logger.info(line, 'http request');
    }
    if (deps.recorder !== undefined)
      recordExchange({
        recorder: deps.recorder,
        request: sent,
        bodySize,
        startedAt,
        durationMs: result.durationMs,
        response: exchange,
        secrets: secretsOf(deps, context, secrets),
        secretNames: facts.apiKeyNames,
      });
    return result;
  } catch (error) {
    // A credential provider's misconfiguration (e.g. credentials-missing) is not a network failure;
    // nor is a limit (response-too-large, response-headers-too-large, redirect-insecure).
    if (error instanceof TelaioError && sent === undefined) throw error;
    const failure =
      error instanceof TelaioError
        ? error
        : toTransportError({
            error,
            method,
            url: redactorOf(deps, context, facts, secrets).url(url),
            ...(sent === undefined ? {} : { request: sent }),
            aborted: context.signal.aborted,
          });
    if (deps.logger.isLevelEnabled('warn')) {
      deps.logger.warn(
        {
          method,
          url: redactorOf(deps, context, facts, secrets).url(url),
          code: failure.code,
          durationMs: Math.round(readMonotonicMs() - start),
        },
        redactorOf(deps, context, facts, secrets).text(failure.message),
      );
    }
    if (sent !== undefined) {
      if (deps.recorder !== undefined)
        recordExchange({
          recorder: deps.recorder,
          request: sent,
          bodySize,
          startedAt,
          durationMs: readMonotonicMs() - start,
          error: { code: failure.code, message: failure.message },
          secrets: secretsOf(deps, context, secrets),
          secretNames: facts.apiKeyNames,
        });
    }
    throw failure;
  }
}
