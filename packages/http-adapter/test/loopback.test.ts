import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TransportError } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, makeRequest } from './helpers.js';

let server: Server;
let base = '';
const sockets = new Set<unknown>();
const seen: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/slow')) {
        setTimeout(() => res.end('late'), 1000);
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.end(
        JSON.stringify({ method: req.method, url: req.url, echo: body === '' ? null : JSON.parse(body) }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('loopback against a real node:http server', () => {
  it('sends JSON, parses the response and reuses one keep-alive connection', async () => {
    const transport = createHttpTransport({ captureHar: true });
    sockets.clear();
    for (let i = 0; i < 5; i += 1) {
      const response = await transport.send(
        makeRequest({
          serverUrl: base,
          operation: {
            method: 'post',
            path: '/items/{id}',
            parameters: [{ name: 'id', in: 'path', schema: {} }],
          },
          parameters: [
            { name: 'id', in: 'path', value: `n ${i}` },
            { name: 'tag', in: 'query', value: ['x', 'y'] },
            { name: 'X-Request-Id', in: 'header', value: `r${i}` },
          ],
          body: { value: { i } },
        }),
        makeContext(),
      );
      expect(response.statusCode).toBe(200);
      expect(response.body).toEqual({ method: 'POST', url: `/items/n%20${i}?tag=x&tag=y`, echo: { i } });
      expect(response.headers['set-cookie']).toBe('a=1\nb=2');
      expect(response.request.headers['x-request-id']).toBe(`r${i}`);
      expect(response.durationMs).toBeGreaterThan(0);
    }
    expect(sockets.size).toBe(1);
    expect(seen.at(-1)?.headers['user-agent']).toBe('telaio/0.1.0');
    expect(transport.har().log.entries).toHaveLength(5);
    expect(transport.har().log.entries[0]?.serverIPAddress).toBe('127.0.0.1');
    transport.close();
  });

  it('times out against a slow server with ETIMEDOUT', async () => {
    const transport = createHttpTransport({ timeout: { total: 150 } });
    const error = await transport
      .send(makeRequest({ serverUrl: base, operation: { path: '/slow' } }), makeContext())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('ETIMEDOUT');
    expect((error as TransportError).message).toContain(`GET ${base}/slow`);
    transport.close();
  });

  it('opens a new connection per request without keep-alive', async () => {
    const transport = createHttpTransport({ keepAlive: false });
    sockets.clear();
    for (let i = 0; i < 3; i += 1) await transport.send(makeRequest({ serverUrl: base }), makeContext());
    expect(sockets.size).toBe(3);
    transport.close();
  });
});
