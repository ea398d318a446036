import http from 'node:http';
import type https from 'node:https';
import type { Transport } from '@telaio/core';
import type { Logger } from 'pino';
import { createLazyHttpsAgent } from './agents/create-lazy-https-agent.js';
import { createHarRecorder } from './har/create-har-recorder.js';
import type { HarLog } from './har/har-types.js';
import { createRedirectGuard } from './limits/create-redirect-guard.js';
import { createTokenCache } from './security/create-token-cache.js';
import { fetchClientCredentialsToken } from './security/fetch-client-credentials-token.js';
import { type RequestLogger, type SendDependencies, sendRequest } from './send-request.js';

/** The default body limit: 50 MiB. */
const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** The default logger: silent, so pino is never loaded unless the caller passes a logger. */
const SILENT: RequestLogger = { isLevelEnabled: () => false, info: () => undefined, warn: () => undefined };

/** Options of createHttpTransport. */
export interface HttpTransportOptions {
  /** Milliseconds: `connect` (TCP/TLS, default 10 000) and `total` (whole exchange, default 30 000). */
  readonly timeout?: { readonly connect?: number; readonly total?: number };
  /** Reuse connections (own http/https agents with keepAlive). Default true. */
  readonly keepAlive?: boolean;
  /** Agents to use instead of the transport's own (not destroyed by close()). */
  readonly agents?: { readonly http?: http.Agent; readonly https?: https.Agent };
  /** pino logger for one line per request (debug adds redacted headers and bodies). Default: silent. */
  readonly logger?: Logger;
  /** Keep every exchange for har(). Default false. */
  readonly captureHar?: boolean;
  /** Do not redact secrets in logs and HAR (`--reveal-secrets`). Default false. */
  readonly revealSecrets?: boolean;
  /** Extra values to redact wherever they appear (read on every use). */
  readonly secretValues?: () => readonly string[];
  /** User-Agent header. Default `telaio/0.1.0`. */
  readonly userAgent?: string;
  /** Which requests follow redirects: `safe` (GET and HEAD, default), `all` or `none`. */
  readonly followRedirects?: 'safe' | 'all' | 'none';
  /**
   * Most bytes of a response body, counted after decompression while it streams; past it the send
   * fails with TelaioError `response-too-large`. Default 50 MiB (`--max-response-size`).
   */
  readonly maxResponseBytes?: number;
  /**
   * Most bytes of a response's header section; past it the send fails with TelaioError
   * `response-headers-too-large`. Default: Node's `http.maxHeaderSize` (16 KiB).
   */
  readonly maxHeaderBytes?: number;
  /**
   * Follow a redirect from `https` to `http` (refused by default with TelaioError
   * `redirect-insecure`). Credentials are dropped on any redirect that leaves the origin either way.
   */
  readonly allowInsecureRedirects?: boolean;
}

/** A Transport over Node's HTTP client that can also be closed and can export what it sent as HAR. */
export interface HttpTransport extends Transport {
  /** Destroys the transport's own agents (open keep-alive sockets). */
  close(): void;
  /** HAR 1.2 of every exchange so far (empty unless `captureHar`), secrets redacted unless `revealSecrets`. */
  har(): HarLog;
}

/**
 * Creates the HTTP Transport: OpenAPI-shaped URLs, parameters, bodies and security; connect and
 * total timeouts; keep-alive agents; redirects followed for `followRedirects` methods with
 * credentials kept to their origin; bodies decompressed and bounded; no automatic retries (Arazzo
 * actions own retries); HTTP error statuses resolve; network failures reject with TransportError;
 * pino logging and HAR capture with secrets redacted. It speaks through Node's own client
 * (client/send-exchange.ts); node:https loads with the first https request.
 */
export function createHttpTransport(options: HttpTransportOptions = {}): HttpTransport {
  const keepAlive = options.keepAlive ?? true;
  const ownHttp = options.agents?.http === undefined ? new http.Agent({ keepAlive }) : undefined;
  // Made on the first https request: a run of http:// servers never loads node:https and TLS.
  const ownHttps = options.agents?.https === undefined ? createLazyHttpsAgent({ keepAlive }) : undefined;
  // Read by the client only for an https URL: the own https agent is made then, not before.
  const agent = {
    http: options.agents?.http ?? ownHttp,
    get https(): https.Agent | undefined {
      return options.agents?.https ?? ownHttps?.agent();
    },
  };
  const timeouts = {
    connectMs: options.timeout?.connect ?? 10_000,
    totalMs: options.timeout?.total ?? 30_000,
  };
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const recorder =
    options.captureHar === true
      ? createHarRecorder({
          reveal: options.revealSecrets === true,
          ...(options.secretValues === undefined ? {} : { secretValues: options.secretValues }),
        })
      : undefined;
  const follow = options.followRedirects ?? 'safe';
  const deps: SendDependencies = {
    agents: agent,
    timeouts,
    guardRedirect: createRedirectGuard({ allowInsecure: options.allowInsecureRedirects === true }),
    logger: options.logger ?? SILENT,
    recorder,
    tokens: createTokenCache({
      fetch: (request) =>
        fetchClientCredentialsToken({
          settings: {
            agents: agent,
            connectTimeoutMs: timeouts.connectMs,
            totalTimeoutMs: timeouts.totalMs,
            ...(options.maxHeaderBytes === undefined ? {} : { maxHeaderBytes: options.maxHeaderBytes }),
            maxBodyBytes: maxResponseBytes,
          },
          request,
        }),
    }),
    userAgent: options.userAgent ?? 'telaio/0.1.0',
    reveal: options.revealSecrets === true,
    secretValues: options.secretValues,
    maxResponseBytes,
    maxHeaderBytes: options.maxHeaderBytes,
    redirectMethods: new Set(
      follow === 'all'
        ? ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
        : follow === 'safe'
          ? ['GET', 'HEAD']
          : [],
    ),
  };
  return {
    send: (request, context) => sendRequest({ deps, request, context }),
    close() {
      ownHttp?.destroy();
      ownHttps?.destroy();
    },
    har: () =>
      recorder?.har() ?? {
        log: { version: '1.2', creator: { name: 'telaio', version: '0.1.0' }, entries: [] },
      },
  };
}
