/**
 * The Transport contract: one vitest suite that every Transport (in-memory, got, ...) runs to prove
 * the same behaviour. It starts a loopback node:http server with known routes and hands its base URL
 * to the factory; every request it sends carries that URL as `serverUrl`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparedRequest, RequestParameter, Transport } from '../../adapters/transport.js';
import { TransportError } from '../../adapters/transport.js';
import type { OperationInfo } from '../../sources/types.js';
import { contractOperations as ops } from './contract-operations.js';
import { type ContractServer, startContractServer } from './start-contract-server.js';

/** Builds the transport under test for a contract server at `baseUrl`. */
export type TransportFactory = (context: { readonly baseUrl: string }) => Transport | Promise<Transport>;

/** Register the contract suite for one Transport under `describe(name)`. */
export function runTransportContract(name: string, factory: TransportFactory): void {
  describe(`Transport contract: ${name}`, () => {
    let server: ContractServer;
    let transport: Transport;
    beforeAll(async () => {
      server = await startContractServer();
      transport = await factory({ baseUrl: server.baseUrl });
    });
    afterAll(async () => server.close());

    const send = (
      operation: OperationInfo,
      parameters: RequestParameter[] = [],
      more: Partial<PreparedRequest> = {},
      signal?: AbortSignal,
    ) =>
      transport.send(
        { operation, serverUrl: server.baseUrl, parameters, ...more },
        { signal: signal ?? new AbortController().signal },
      );

    it('sends path, query and header parameters and parses a JSON response', async () => {
      const r = await send(ops.echoGet, [
        { name: 'id', in: 'path', value: 'a7' },
        { name: 'q', in: 'query', value: 'x y' },
        { name: 'X-Trace', in: 'header', value: 't-1' },
      ]);
      expect(r.statusCode).toBe(200);
      const body = r.body as {
        method: string;
        path: string;
        query: Record<string, string>;
        headers: Record<string, string>;
      };
      expect(body).toMatchObject({ method: 'GET', path: '/echo/a7', query: { q: 'x y' } });
      expect(body.headers['x-trace']).toBe('t-1');
      expect(r.request.method).toBe('GET');
      expect(r.request.url).toContain('/echo/a7');
      expect(r.request.url).toContain('q=');
      expect(r.request.headers['x-trace']).toBe('t-1');
      expect(r.durationMs).toBeGreaterThanOrEqual(0);
    });

    it('serialises a JSON body and records it as sent', async () => {
      const value = { name: 'Rex', tags: ['a', 'b'], n: 2 };
      const r = await send(ops.echoPost, [], { body: { contentType: 'application/json', value } });
      expect((r.body as { body: unknown }).body).toEqual(value);
      expect(JSON.parse(r.request.body ?? 'null')).toEqual(value);
      expect(r.request.headers['content-type']).toContain('application/json');
    });

    it('resolves HTTP error statuses instead of rejecting, with lower-case headers', async () => {
      const r = await send(ops.status, [{ name: 'code', in: 'path', value: 404 }]);
      expect(r.statusCode).toBe(404);
      expect(r.headers['x-contract']).toBe('yes');
      expect(r.body).toEqual({ code: 404 });
    });

    it('converts Retry-After seconds to retryAfterMs', async () => {
      const r = await send(ops.status, [{ name: 'code', in: 'path', value: 503 }]);
      expect(r.statusCode).toBe(503);
      expect(r.retryAfterMs).toBe(2000);
    });

    it('gives text and XML bodies as strings and an empty body as undefined', async () => {
      expect((await send(ops.text)).body).toBe('hello');
      expect((await send(ops.xml)).body).toBe('<a><b>1</b></a>');
      const empty = await send(ops.empty);
      expect(empty.statusCode).toBe(204);
      expect(empty.body).toBeUndefined();
    });

    it('rejects with a TransportError when the signal aborts', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const error = await send(ops.slow, [], {}, controller.signal).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportError);
    });

    it('rejects with a TransportError when nothing listens', async () => {
      const error = await transport
        .send(
          { operation: ops.text, serverUrl: 'http://127.0.0.1:1', parameters: [] },
          { signal: new AbortController().signal },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TransportError);
    });
  });
}
