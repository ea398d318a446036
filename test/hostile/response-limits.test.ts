/**
 * Issue 14 point 2 (responses): a body is bounded while it streams, counted after decompression,
 * and a header section is bounded too; past a limit the send fails with a typed code that becomes
 * the step's error code, and the run goes on to its report.
 */
import { gzipSync } from 'node:zlib';
import type { OperationInfo, PreparedRequest } from '@telaio/core';
import { createEngine, TelaioError } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Loopback, sendJson, startLoopback } from './support/loopback.js';
import { writeHostileProject } from './support/project.js';

const MiB = 1024 * 1024;
/** 64 MiB of zeros, gzipped: about 64 KiB on the wire. */
const BOMB = gzipSync(Buffer.alloc(64 * MiB));

function get(serverUrl: string, path: string): PreparedRequest {
  const operation: OperationInfo = {
    sourceName: 'api',
    operationId: 'get',
    method: 'get',
    path,
    pointer: '/paths/~1x/get',
    servers: [{ url: serverUrl }],
    parameters: [],
    responses: {},
    security: [],
    securitySchemes: {},
  };
  return { operation, parameters: [] };
}

const context = () => ({ signal: new AbortController().signal });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('hostile: response limits (issue 14 point 2)', () => {
  let server: Loopback;
  let streamed = 0;
  beforeAll(async () => {
    server = await startLoopback((req, res) => {
      if (req.url === '/endless') {
        // Up to 256 MiB, chunked (no Content-Length), as fast as the client reads.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        streamed = 0;
        const pump = () => {
          while (!res.destroyed && streamed < 256 * MiB) {
            streamed += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => undefined);
        return pump();
      }
      if (req.url?.startsWith('/bomb')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return res.end(BOMB);
      }
      if (req.url === '/big-headers') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-padding': 'a'.repeat(64 * 1024) });
        return res.end('{}');
      }
      return sendJson(res, 200, { small: true });
    });
  });
  afterAll(() => server.close());

  it('stops a streamed body at the limit with response-too-large, before the server is done', async () => {
    const transport = createHttpTransport({ maxResponseBytes: MiB });
    const error = await failure(transport.send(get(server.url, '/endless'), context()));
    transport.close();
    expect(error).toBeInstanceOf(TelaioError);
    expect((error as TelaioError).code).toBe('response-too-large');
    expect((error as TelaioError).details).toMatchObject({ limit: MiB });
    expect((error as TelaioError).message).toContain('1 MiB');
    expect(streamed).toBeLessThan(256 * MiB);
  });
  it('applies a 50 MiB limit by default', async () => {
    const transport = createHttpTransport();
    const error = await failure(transport.send(get(server.url, '/endless'), context()));
    transport.close();
    expect((error as TelaioError).code).toBe('response-too-large');
    expect((error as TelaioError).details).toMatchObject({ limit: 50 * MiB });
  });
  it('counts a gzip bomb after decompression and stops inflating it at the limit', async () => {
    const transport = createHttpTransport({ maxResponseBytes: MiB });
    const error = await failure(transport.send(get(server.url, '/bomb'), context()));
    transport.close();
    expect((error as TelaioError).code).toBe('response-too-large');
    expect((error as TelaioError).details?.received).toBeLessThan(2 * MiB);
  });
  it('refuses a header section past the limit with response-headers-too-large; a larger limit reads it', async () => {
    const strict = createHttpTransport();
    const error = await failure(strict.send(get(server.url, '/big-headers'), context()));
    strict.close();
    expect((error as TelaioError).code).toBe('response-headers-too-large');
    const lenient = createHttpTransport({ maxHeaderBytes: 128 * 1024 });
    const response = await lenient.send(get(server.url, '/big-headers'), context());
    lenient.close();
    expect(response.headers['x-padding']).toHaveLength(64 * 1024);
  });
  it('reads a body within the limit as before', async () => {
    const transport = createHttpTransport({ maxResponseBytes: 1024 });
    const response = await transport.send(get(server.url, '/small'), context());
    transport.close();
    expect(response.body).toEqual({ small: true });
  });
  it('§Step Object: the step fails with code response-too-large and the run ends with a result', async () => {
    const file = await writeHostileProject({ serverUrl: `${server.url}/bomb`, step: {} });
    const transport = createHttpTransport({ maxResponseBytes: MiB });
    const engine = createEngine({ transport, cache: false });
    const document = await engine.load(file);
    const result = await engine.run({ document });
    transport.close();
    expect(result.status).toBe('failure');
    expect(result.error).toMatchObject({ code: 'response-too-large', stepId: 'call' });
  });
});
