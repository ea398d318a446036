import { createServer } from 'node:net';
import { TransportError } from '@telaio/core';
import { createHttpTransport, parseRetryAfter } from '@telaio/http-adapter';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, makeRequest } from './helpers.js';

const transport = createHttpTransport({ timeout: { connect: 500, total: 300 } });
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  transport.close();
  nock.enableNetConnect();
});

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('Retry-After', () => {
  it('parses delta-seconds into retryAfterMs', async () => {
    nock('http://api.test').get('/things').reply(429, '', { 'Retry-After': '7' });
    const response = await transport.send(makeRequest({}), makeContext());
    expect(response.statusCode).toBe(429);
    expect(response.retryAfterMs).toBe(7000);
  });
  it('parses an HTTP-date into milliseconds from now', async () => {
    const date = new Date(Date.now() + 120_000).toUTCString();
    nock('http://api.test').get('/things').reply(503, '', { 'Retry-After': date });
    const response = await transport.send(makeRequest({}), makeContext());
    expect(response.retryAfterMs).toBeGreaterThan(110_000);
    expect(response.retryAfterMs).toBeLessThanOrEqual(120_000);
  });
  it('ignores garbage and clamps past dates to 0', () => {
    expect(parseRetryAfter({ value: 'soon' })).toBeUndefined();
    expect(parseRetryAfter({ value: 'Wed, 21 Oct 2015 07:28:00 GMT' })).toBe(0);
    expect(parseRetryAfter({ value: undefined })).toBeUndefined();
  });
});

describe('network failures become TransportError', () => {
  it('a timeout is ETIMEDOUT naming method and URL', async () => {
    nock('http://api.test').get('/things').delay(2000).reply(200, {});
    const error = await failure(transport.send(makeRequest({}), makeContext()));
    expect(error.code).toBe('ETIMEDOUT');
    expect(error.message).toContain('GET http://api.test/things');
  });
  it('a refused connection is ECONNREFUSED', async () => {
    nock.enableNetConnect('127.0.0.1');
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const error = await failure(
      transport.send(makeRequest({ serverUrl: `http://127.0.0.1:${port}` }), makeContext()),
    );
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toContain(`GET http://127.0.0.1:${port}/things`);
    nock.disableNetConnect();
  });
  it('a connection reset by the server is ECONNRESET', async () => {
    nock.enableNetConnect('127.0.0.1');
    const server = createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const error = await failure(
        transport.send(makeRequest({ serverUrl: `http://127.0.0.1:${port}` }), makeContext()),
      );
      expect(error.code).toBe('ECONNRESET');
      expect(error.message).toMatch(/reset/);
    } finally {
      server.close();
      nock.disableNetConnect();
    }
  });
  it('an abort through the signal is ABORTED (before and during the request)', async () => {
    const before = new AbortController();
    before.abort();
    expect((await failure(transport.send(makeRequest({}), makeContext(undefined, before.signal)))).code).toBe(
      'ABORTED',
    );
    nock('http://api.test').get('/things').delay(200).reply(200, {});
    const during = new AbortController();
    setTimeout(() => during.abort(), 20);
    expect((await failure(transport.send(makeRequest({}), makeContext(undefined, during.signal)))).code).toBe(
      'ABORTED',
    );
  });
  it('a relative server without a base URL is a clear ERR_NO_SERVER', async () => {
    const error = await failure(
      transport.send(makeRequest({ operation: { servers: [{ url: '/v1' }] } }), makeContext()),
    );
    expect(error.code).toBe('ERR_NO_SERVER');
    expect(error.message).toMatch(/--server api=/);
  });
  it('a missing multipart file is a TransportError, not a crash', async () => {
    const request = makeRequest({
      operation: { method: 'post', requestBody: { content: { 'multipart/form-data': {} } } },
      body: { value: { f: { path: '/nonexistent/telaio.bin' } } },
    });
    expect((await failure(transport.send(request, makeContext()))).code).toBe('ENOENT');
  });
});

describe('failed exchanges in HAR', () => {
  it('records a request that got no response with status 0 and _error', async () => {
    const recording = createHttpTransport({ captureHar: true, timeout: { total: 100 } });
    nock('http://api.test').get('/things').delay(1000).reply(200, {});
    await failure(recording.send(makeRequest({}), makeContext()));
    const [entry] = recording.har().log.entries;
    expect(entry?.response.status).toBe(0);
    expect(entry?._error?.code).toBe('ETIMEDOUT');
    expect(entry?.request.url).toBe('http://api.test/things');
    recording.close();
  });
});

describe('HTTP behaviour', () => {
  it('does not retry and resolves HTTP errors', async () => {
    const scope = nock('http://api.test').get('/things').reply(500, { e: 1 });
    const response = await transport.send(makeRequest({}), makeContext());
    expect(response.statusCode).toBe(500);
    expect(scope.isDone()).toBe(true);
  });
  it('follows redirects for GET but not for POST', async () => {
    nock('http://api.test')
      .get('/things')
      .reply(302, '', { Location: 'http://api.test/other' })
      .get('/other')
      .reply(200, { moved: true });
    expect((await transport.send(makeRequest({}), makeContext())).body).toEqual({ moved: true });
    nock('http://api.test').post('/things').reply(303, '', { Location: 'http://api.test/other' });
    const post = await transport.send(makeRequest({ operation: { method: 'post' } }), makeContext());
    expect(post.statusCode).toBe(303);
  });
  it('substitutes server variables with their defaults and resolves relative servers against the source', async () => {
    nock('http://eu.api.test').get('/v2/things').reply(200, { ok: 1 });
    const variables = { region: { default: 'eu' }, version: { default: 'v2' } };
    const a = await transport.send(
      makeRequest({ operation: { servers: [{ url: 'http://{region}.api.test/{version}', variables }] } }),
      makeContext(),
    );
    expect(a.request.url).toBe('http://eu.api.test/v2/things');
    nock('http://docs.test').get('/api/v1/things').reply(200, {});
    const request = {
      ...makeRequest({ operation: { servers: [{ url: '/api/v1' }] } }),
      source: { name: 'api', url: 'http://docs.test/specs/openapi.yaml' },
    };
    expect((await transport.send(request, makeContext())).request.url).toBe('http://docs.test/api/v1/things');
  });
});
