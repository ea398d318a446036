/**
 * Sends one HTTP exchange over Node's own client (node:http, node:https on the first https URL):
 * the request, the redirects it may follow, the final response read to its end. Nothing is retried
 * and an error status resolves like any other; what fails rejects with Node's error (ECONNREFUSED,
 * ECONNRESET, HPE_HEADER_OVERFLOW, ...) or the client's own (create-client-error.ts): ETIMEDOUT
 * (`connect`: socket to connected, TLS included; `request`: the whole exchange), ABORTED on
 * cancel(), ERR_TOO_MANY_REDIRECTS, ERR_BODY_TOO_LARGE, ERR_UNSUPPORTED_PROTOCOL.
 */
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import { createClientError } from './create-client-error.js';
import type { ExchangeOptions, ExchangeResponse, PendingExchange } from './exchange-types.js';
import { measurePhases } from './measure-phases.js';
import { readResponseBody } from './read-response-body.js';

/** Statuses whose Location is followed. */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that describe a body, dropped when a 303 turns the next request into a GET. */
const BODY_HEADERS = ['content-length', 'content-type', 'transfer-encoding'];

/** `headers` plus `content-length` for `body` and `accept-encoding`, unless given (in any case). */
function withDefaults(headers: Readonly<Record<string, string>>, body: string | Buffer | undefined) {
  const out: Record<string, string> = {};
  let length = false;
  let accept = false;
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    out[lower] = value;
    if (lower === 'content-length' || lower === 'transfer-encoding') length = true;
    if (lower === 'accept-encoding') accept = true;
  }
  if (body !== undefined && !length) out['content-length'] = String(Buffer.byteLength(body));
  if (!accept) out['accept-encoding'] = 'gzip, deflate, br';
  return out;
}

/** Starts the exchange `options` describes; see the file's comment. */
export function sendExchange(options: ExchangeOptions): PendingExchange {
  const { agents, maxHeaderBytes } = options;
  let cancel: (reason?: string) => void = () => undefined;
  const promise = new Promise<ExchangeResponse>((resolve, reject) => {
    let done = false;
    let current: ClientRequest | undefined;
    let response: IncomingMessage | undefined;
    let connectTimer: NodeJS.Timeout | undefined;
    const fail = (error: unknown): void => {
      if (done) return;
      done = true;
      // no timer may outlive the exchange (a pending one would keep the process up)
      clearTimeout(total);
      clearTimeout(connectTimer);
      current?.destroy();
      response?.destroy();
      reject(error);
    };
    const total = setTimeout(
      () =>
        fail(
          createClientError('ETIMEDOUT', `no complete response within ${options.totalTimeoutMs} ms`, {
            event: 'request',
          }),
        ),
      options.totalTimeoutMs,
    );
    cancel = (reason) =>
      fail(createClientError('ABORTED', `the request was cancelled (${reason ?? 'aborted'})`));

    const send = (
      url: URL,
      method: string,
      headers: Record<string, string>,
      body: string | Buffer | undefined,
      redirects: number,
    ): void => {
      const secure = url.protocol === 'https:';
      if (!secure && url.protocol !== 'http:') {
        fail(
          createClientError(
            'ERR_UNSUPPORTED_PROTOCOL',
            `unsupported protocol ${url.protocol} in ${url.origin}`,
          ),
        );
        return;
      }
      const agent = secure ? agents.https : agents.http;
      const request = (secure ? process.getBuiltinModule('node:https') : http).request(url, {
        method,
        headers,
        ...(agent === undefined ? {} : { agent }),
        ...(maxHeaderBytes === undefined ? {} : { maxHeaderSize: maxHeaderBytes }),
      });
      current = request;
      const clock = measurePhases({ request, secure });
      request.once('socket', (socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(
          () =>
            fail(
              createClientError('ETIMEDOUT', `not connected within ${options.connectTimeoutMs} ms`, {
                event: 'connect',
              }),
            ),
          options.connectTimeoutMs,
        );
        socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      // Node may emit 'error' again (a destroyed request's "socket hang up"): only the first counts
      request.on('error', (error) => {
        clearTimeout(connectTimer);
        if (current === request) fail(error);
      });
      request.once('response', (incoming) => {
        clearTimeout(connectTimer);
        clock.response();
        response = incoming;
        incoming.on('error', () => undefined);
        const status = incoming.statusCode ?? 0;
        // read now: a keep-alive socket goes back to its agent once the body has been read
        const ip = incoming.socket?.remoteAddress;
        const location = incoming.headers.location;
        if (options.followRedirects && location !== undefined && REDIRECT_STATUSES.has(status)) {
          // the redirect's own body is not read: its connection closes
          incoming.destroy();
          if (redirects >= (options.maxRedirects ?? 10)) {
            fail(createClientError('ERR_TOO_MANY_REDIRECTS', `redirected ${redirects} times; stopped`));
            return;
          }
          let next: URL;
          try {
            next = new URL(location, url);
          } catch (error) {
            fail(error);
            return;
          }
          const toGet = status === 303 && method !== 'GET' && method !== 'HEAD';
          const nextHeaders = { ...headers };
          if (toGet) for (const name of BODY_HEADERS) delete nextHeaders[name];
          // credentials Node would send along stay with their origin (the guard drops the rest)
          if (next.origin !== url.origin) {
            delete nextHeaders.authorization;
            delete nextHeaders.cookie;
          }
          const step = { url: next, headers: nextHeaders, from: url, first };
          try {
            options.beforeRedirect?.(step);
          } catch (error) {
            fail(error);
            return;
          }
          sendSafely(step.url, toGet ? 'GET' : method, step.headers, toGet ? undefined : body, redirects + 1);
          return;
        }
        readResponseBody({ response: incoming, method, maxBytes: options.maxBodyBytes }).then((bytes) => {
          if (done) return;
          done = true;
          clearTimeout(total);
          clock.end();
          resolve({
            statusCode: status,
            statusMessage: incoming.statusMessage ?? '',
            httpVersion: incoming.httpVersion,
            headers: incoming.headers,
            rawHeaders: incoming.rawHeaders,
            body: bytes,
            url: url.href,
            ip,
            phases: clock.phases(),
          });
        }, fail);
      });
      request.end(body);
    };

    // Node's client throws at once on what it cannot send (an invalid header, method or URL)
    const sendSafely: typeof send = (...args) => {
      try {
        send(...args);
      } catch (error) {
        fail(error);
      }
    };
    let first: URL;
    try {
      first = new URL(options.url);
    } catch (error) {
      fail(error);
      return;
    }
    sendSafely(first, options.method, withDefaults(options.headers, options.body), options.body, 0);
  });
  return Object.assign(promise, { cancel: (reason?: string) => cancel(reason) });
}
