/**
 * The request pipeline of the sandbox: request id, route match (404/405), HTTP Basic (401), JSON
 * body (400/413/415), handler, and every answer in Stytch's shape with `request_id` and
 * `status_code`. Handlers throw StytchError for failures; anything else is a 500 and is logged.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxState } from '../state/records.js';
import { checkBasicAuth } from './check-basic-auth.js';
import { compileRoutes } from './match-route.js';
import { readJsonBody } from './read-json-body.js';
import type { Route } from './route.js';
import { renderErrorBody, StytchError } from './stytch-error.js';

/** Where the sandbox reports one line per request (never bodies, so never secrets). */
export interface SandboxLogger {
  info(message: string): void;
  error?(message: string): void;
}

/** Builds the `request` listener for node:http serving `routes` over `state`. */
export function createRequestHandler(options: {
  state: SandboxState;
  routes: readonly Route[];
  logger?: SandboxLogger;
  bodyLimit?: number;
}): (request: IncomingMessage, response: ServerResponse) => void {
  const { state, logger } = options;
  const match = compileRoutes({ routes: options.routes });
  return (request, response) => {
    const started = performance.now();
    const requestId = `request-id-${state.env}-${randomUUID()}`;
    const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
    const send = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body);
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        ...headers,
      });
      response.end(text);
      logger?.info(
        `${request.method} ${url.pathname} ${status} ${(performance.now() - started).toFixed(1)}ms`,
      );
    };
    const sendError = (error: StytchError, headers?: Record<string, string>) =>
      send(error.status, renderErrorBody({ error, requestId }), headers);

    const run = async () => {
      const found = match(request.method ?? 'GET', url.pathname);
      if (found.kind === 'not-found') {
        throw new StytchError({
          status: 404,
          errorType: 'route_not_found',
          message: `No endpoint serves ${url.pathname}.`,
        });
      }
      if (found.kind === 'method-not-allowed') {
        const allow = found.allow.join(', ');
        return sendError(
          new StytchError({
            status: 405,
            errorType: 'method_not_allowed',
            message: `${request.method} is not allowed here; use ${allow}.`,
          }),
          { allow },
        );
      }
      if (
        !checkBasicAuth({
          authorization: request.headers.authorization,
          projectId: state.projectId,
          secret: state.secret,
        })
      ) {
        throw new StytchError({
          status: 401,
          errorType: 'unauthorized_credentials',
          message: 'Unauthorized credentials.',
        });
      }
      const body =
        found.route.method === 'GET'
          ? {}
          : await readJsonBody({
              request,
              ...(options.bodyLimit === undefined ? {} : { limit: options.bodyLimit }),
            });
      const result = await found.route.handle({ state, params: found.params, query: url.searchParams, body });
      send(200, { request_id: requestId, ...result, status_code: 200 });
    };
    run().catch((error: unknown) => {
      if (response.headersSent) return;
      if (error instanceof StytchError)
        return sendError(error, error.status === 413 ? { connection: 'close' } : {});
      logger?.error?.(
        `internal error on ${request.method} ${url.pathname}: ${error instanceof Error ? error.message : String(error)}`,
      );
      sendError(
        new StytchError({
          status: 500,
          errorType: 'internal_server_error',
          message: 'Oops, something seems to have gone wrong.',
        }),
      );
    });
  };
}
