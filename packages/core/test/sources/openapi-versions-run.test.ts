import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createEngine, createStaticCredentials } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/sources/versions/${name}`, import.meta.url));

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

// End to end: Arazzo workflows over OpenAPI 3.2 and Swagger 2.0 sources, through the real got
// transport, against a node:http server on 127.0.0.1 that checks what arrives.
describe('OpenAPI 3.2 and Swagger 2.0 sources run end to end over HTTP', () => {
  let server: Server;
  let baseUrl = '';
  const seen: Seen[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(value));
        };
        const route = `${req.method} ${req.url}`;
        if (route === 'QUERY /api/orders' && JSON.parse(body).status === 'open')
          return send(200, { orders: [{ id: 'o-7', status: 'open' }] });
        if (route === 'COPY /api/orders/o-7' && req.headers.destination === '/archive')
          return send(201, { id: 'o-7-copy', status: 'open' });
        if (route === 'POST /v2/pets' && JSON.parse(body).name === 'Rex')
          return send(201, { id: 42, name: 'Rex' });
        if (req.method === 'GET' && req.url?.startsWith('/v2/pets?'))
          return send(200, [{ id: 42, name: 'Rex' }], { 'x-total': '1' });
        if (route === 'POST /v2/pets/42') {
          const form = new URLSearchParams(body);
          return send(200, { id: 42, name: form.get('name'), nicknames: form.get('nicknames')?.split(' ') });
        }
        return send(404, { message: `no route ${route}` });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('OpenAPI 3.2: a query-method step sends QUERY with its body, an additionalOperations step sends COPY', async () => {
    seen.length = 0;
    const transport = createHttpTransport();
    try {
      const engine = createEngine({ transport, cache: false, servers: { orders: `${baseUrl}/api` } });
      const doc = await engine.load(fixture('run-3.2.arazzo.yaml'));
      const result = await engine.run({ document: doc, inputs: { status: 'open' } });
      expect(result.error).toBeUndefined();
      expect(result.outputs).toEqual({ firstId: 'o-7', copiedId: 'o-7-copy' });
      expect(seen.map((s) => `${s.method} ${s.url} ${s.headers['content-type'] ?? ''} ${s.body}`)).toEqual([
        'QUERY /api/orders application/json {"status":"open"}',
        'COPY /api/orders/o-7  ',
      ]);
    } finally {
      transport.close();
    }
  });

  it('Swagger 2.0: body, collectionFormat (multi, pipes, csv header) and formData (ssv) serialised, security applied', async () => {
    seen.length = 0;
    const transport = createHttpTransport();
    const credentials = createStaticCredentials([
      { source: 'pets', scheme: 'api_key', credential: { type: 'apiKey', value: 'k-123' } },
      { source: 'pets', scheme: 'basicAuth', credential: { type: 'basic', username: 'ann', password: 'pw' } },
    ]);
    try {
      const engine = createEngine({
        transport,
        credentials,
        cache: false,
        servers: { pets: `${baseUrl}/v2` },
      });
      const doc = await engine.load(fixture('run-swagger-2.0.arazzo.yaml'));
      const result = await engine.run({ document: doc });
      expect(result.error).toBeUndefined();
      expect(result.outputs).toEqual({ id: 42, name: 'Rex', nicknames: ['big-boy', 'rex'] });
      const [add, find, update] = seen;
      expect(`${add?.method} ${add?.url} ${add?.headers['content-type']} ${add?.body}`).toBe(
        'POST /v2/pets application/json {"name":"Rex"}',
      );
      expect(add?.headers.authorization).toBe(`Basic ${Buffer.from('ann:pw').toString('base64')}`);
      expect(find?.url).toBe('/v2/pets?tags=good&tags=small%20dog&status=available%7Cpending&limit=10');
      expect(find?.headers['x-fields']).toBe('id,name');
      expect(find?.headers['x-api-key']).toBe('k-123');
      expect(`${update?.url} ${update?.headers['content-type']} ${update?.body}`).toBe(
        '/v2/pets/42 application/x-www-form-urlencoded name=Rexy&nicknames=big-boy%20rex',
      );
    } finally {
      transport.close();
    }
  });
});
