import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

// End to end: the engine over the real got transport against a node:http server on 127.0.0.1,
// running the 3-step pets workflow (JSON body, bearer header from a previous output, path parameter).
describe('loopback end-to-end through @telaio/http-adapter', () => {
  let server: Server;
  let baseUrl = '';
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
        const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(value));
        };
        if (req.method === 'POST' && req.url === '/v1/login') {
          const { user, pass } = JSON.parse(body) as { user: string; pass: string };
          return pass === 'secret'
            ? send(200, { token: `tok-${user}` }, { 'x-expires': '3600' })
            : send(401, {});
        }
        if (req.headers.authorization !== 'Bearer tok-ann' && req.url?.startsWith('/v1/pets?'))
          return send(401, {});
        if (req.method === 'GET' && req.url === '/v1/pets?status=available')
          return send(200, [{ id: 'p1' }, { id: 'p2' }]);
        if (req.method === 'GET' && req.url === '/v1/pets/p1')
          return send(200, { name: 'Rex', status: 'available' });
        return send(404, {});
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('§Workflow Object runs a 3-step workflow over real HTTP and returns its outputs', async () => {
    const transport = createHttpTransport();
    try {
      const engine = createEngine({ transport, cache: false, servers: { pets: `${baseUrl}/v1` } });
      const doc = await engine.load(fixture('pets.arazzo.yaml'));
      const result = await engine.run({ document: doc, inputs: { username: 'ann' } });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe('success');
      expect(result.outputs).toEqual({ token: 'tok-ann', petName: 'Rex' });
      expect(result.steps.map((s) => [s.stepId, s.statusCode])).toEqual([
        ['login', 200],
        ['list', 200],
        ['get', 200],
      ]);
      expect(seen).toEqual([
        'POST /v1/login ',
        'GET /v1/pets?status=available Bearer tok-ann',
        'GET /v1/pets/p1 ',
      ]);
    } finally {
      transport.close();
    }
  });
});
