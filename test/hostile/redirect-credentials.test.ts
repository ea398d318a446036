/**
 * Issue 14 point 3: credentials stay with their origin. A server redirects to another origin
 * (another port on 127.0.0.1) and must receive none of the credentials the security seam applied,
 * whatever their placement; a redirect within the origin keeps them; https → http is refused
 * unless allowed.
 */
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import type { Credential, OperationInfo, PreparedRequest, SecurityScheme } from '@telaio/core';
import { TelaioError } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Loopback, sendJson, startLoopback } from './support/loopback.js';

const SCHEMES: Record<string, SecurityScheme> = {
  bearer: { type: 'http', scheme: 'bearer' },
  headerKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
  queryKey: { type: 'apiKey', in: 'query', name: 'api_key' },
  cookieKey: { type: 'apiKey', in: 'cookie', name: 'sid' },
};
const CREDENTIALS: Record<string, Credential> = {
  bearer: { type: 'bearer', token: 'bearer-secret' },
  headerKey: { type: 'apiKey', value: 'header-secret' },
  queryKey: { type: 'apiKey', value: 'query-secret' },
  cookieKey: { type: 'apiKey', value: 'cookie-secret' },
};

function request(scheme: string, serverUrl: string, path = '/start'): PreparedRequest {
  const operation: OperationInfo = {
    sourceName: 'api',
    operationId: 'start',
    method: 'get',
    path,
    pointer: '/paths/~1start/get',
    servers: [{ url: serverUrl }],
    parameters: [],
    responses: {},
    security: [{ [scheme]: [] }],
    securitySchemes: { [scheme]: SCHEMES[scheme] as SecurityScheme },
  };
  return { operation, parameters: [] };
}

const context = () => ({
  signal: new AbortController().signal,
  credentials: { credentialFor: ({ schemeName }: { schemeName: string }) => CREDENTIALS[schemeName] },
});

/** Every place a credential can travel in a request, as one string. */
const wire = (seen: { url: string; headers: Record<string, unknown> }) =>
  JSON.stringify([seen.url, seen.headers]);

describe('hostile: credentials on redirects (issue 14 point 3, OpenAPI Security Scheme Object)', () => {
  let target: Loopback;
  let origin: Loopback;
  const transport = createHttpTransport();
  beforeAll(async () => {
    target = await startLoopback((_req, res) => sendJson(res, 200, { landed: true }));
    // Redirects keep the query string, as many servers do (a trailing-slash or login redirect).
    origin = await startLoopback((req, res) => {
      const query = req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      if (req.url?.startsWith('/start')) {
        res.writeHead(302, { location: `${target.url}/landing${query}` });
        return res.end();
      }
      if (req.url?.startsWith('/same')) {
        res.writeHead(302, { location: `/landing${query}` });
        return res.end();
      }
      return sendJson(res, 200, { landed: 'home' });
    });
  });
  afterAll(async () => {
    transport.close();
    await Promise.all([target.close(), origin.close()]);
  });

  for (const [scheme, secret] of [
    ['headerKey', 'header-secret'],
    ['queryKey', 'query-secret'],
    ['cookieKey', 'cookie-secret'],
    ['bearer', 'bearer-secret'],
  ] as const) {
    it(`drops a ${scheme} credential when the redirect leaves the origin, keeps it within`, async () => {
      target.seen.length = 0;
      origin.seen.length = 0;
      const response = await transport.send(request(scheme, origin.url), context());
      expect(response.body).toEqual({ landed: true });
      expect(wire(origin.seen[0] as never)).toContain(secret);
      expect(target.seen).toHaveLength(1);
      expect(wire(target.seen[0] as never)).not.toContain(secret);
      // The control: a redirect to the same origin keeps the credential.
      origin.seen.length = 0;
      await transport.send(request(scheme, origin.url, '/same'), context());
      expect(origin.seen).toHaveLength(2);
      expect(wire(origin.seen[1] as never)).toContain(secret);
    });
  }

  describe('https → http', () => {
    const tls = {
      key: readFileSync(new URL('./fixtures/loopback-key.pem', import.meta.url), 'utf8'),
      cert: readFileSync(new URL('./fixtures/loopback-cert.pem', import.meta.url), 'utf8'),
    };
    let secure: Loopback;
    const agents = { https: new Agent({ ca: tls.cert }) };
    beforeAll(async () => {
      secure = await startLoopback((_req, res) => {
        res.writeHead(301, { location: `${target.url}/landing` });
        res.end();
      }, tls);
    });
    afterAll(async () => {
      agents.https.destroy();
      await secure.close();
    });

    it('is refused with redirect-insecure, and nothing reaches the http server', async () => {
      target.seen.length = 0;
      const strict = createHttpTransport({ agents });
      const error = await strict.send(request('headerKey', secure.url), context()).catch((e: unknown) => e);
      strict.close();
      expect(error).toBeInstanceOf(TelaioError);
      expect((error as TelaioError).code).toBe('redirect-insecure');
      expect(target.seen).toHaveLength(0);
    });
    it('is followed when allowed, without the credential', async () => {
      target.seen.length = 0;
      const lenient = createHttpTransport({ agents, allowInsecureRedirects: true });
      const response = await lenient.send(request('headerKey', secure.url), context());
      lenient.close();
      expect(response.body).toEqual({ landed: true });
      expect(wire(target.seen[0] as never)).not.toContain('header-secret');
    });
  });
});
