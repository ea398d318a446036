import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDefaultLoader } from '@telaio/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/sources/redact-url.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';

describe('default loader: a size cap, and URLs redacted in messages', () => {
  let server: Server;
  let base: string;
  let streamedBytes = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/small')) res.end('openapi: 3.0.3\n');
      else if (req.url?.startsWith('/declared')) {
        res.setHeader('content-length', String(4096));
        res.end('x'.repeat(4096));
      } else if (req.url?.startsWith('/endless')) {
        // No content-length: chunks until the client stops reading (or 10 MB, a safety net).
        const chunk = 'y'.repeat(16 * 1024);
        const push = (): void => {
          while (streamedBytes < 10 * 1024 * 1024) {
            streamedBytes += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', push);
          }
          res.end();
        };
        push();
      } else {
        res.statusCode = 404;
        res.end('no');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  );

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error, 'expected a rejection').toBeDefined();
    return error!;
  };

  it('fails with source-unresolved once a body passes maxBytes, declared or streamed', async () => {
    const loader = createDefaultLoader({ maxBytes: 1024 });
    expect((await loader.load(`${base}/small`)).text).toBe('openapi: 3.0.3\n');
    const declared = await failure(loader.load(`${base}/declared`));
    expect(declared).toMatchObject({ code: 'source-unresolved' });
    expect(declared.message).toBe(`larger than 1 KB: ${base}/declared`);
    const endless = await failure(loader.load(`${base}/endless`));
    expect(endless.message).toMatch(/^larger than 1 KB: /);
    expect(streamedBytes).toBeLessThan(10 * 1024 * 1024); // it stopped reading
  });

  it('caps local files too; the default cap is 50 MB', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'telaio-cap-'));
    writeFileSync(join(dir, 'big.yaml'), 'z'.repeat(3 * 1024 * 1024));
    const error = await failure(
      createDefaultLoader({ maxBytes: 2 * 1024 * 1024 }).load(join(dir, 'big.yaml')),
    );
    expect(error.message).toMatch(/^larger than 2 MB: .*big\.yaml$/);
    expect((await createDefaultLoader().load(join(dir, 'big.yaml'))).text).toHaveLength(3 * 1024 * 1024);
  });

  it('masks userinfo and query strings of URLs in every message', async () => {
    expect(redactUrl('https://user:pw@host/p?k=v#f')).toBe('https://user:***@host/p?***#f');
    expect(redactUrl('https://token@host/p')).toBe('https://***@host/p');
    expect(redactUrl('./pets.yaml?x=1')).toBe('./pets.yaml?x=1');
    const loader = createDefaultLoader({ maxBytes: 1024 });
    const secret = `${base.replace('//', '//alice:s3cret@')}/missing?api_key=s3cret`;
    // fetch refuses URLs with credentials; the message still names the URL, masked.
    const withUser = await failure(loader.load(secret));
    expect(withUser.message).toMatch(
      /^cannot fetch http:\/\/alice:\*\*\*@127\.0\.0\.1:\d+\/missing\?\*\*\*: /,
    );
    expect(withUser.message).not.toContain('s3cret');
    const notFound = await failure(loader.load(`${base}/missing?api_key=s3cret`));
    expect(notFound.message).toBe(`HTTP 404 fetching ${base}/missing?***`);
    const big = await failure(loader.load(`${base}/declared?token=s3cret`));
    expect(big.message).toBe(`larger than 1 KB: ${base}/declared?***`);
    const refused = await failure(loader.load('http://127.0.0.1:1/x?token=s3cret'));
    expect(refused.message).toMatch(/^cannot fetch http:\/\/127\.0\.0\.1:1\/x\?\*\*\*: /);
    const doc = `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions:
  - {name: pets, url: '${base}/missing?api_key=s3cret'}
workflows:
  - {workflowId: w, steps: [{stepId: s, operationId: x}]}
`;
    const resolved = await resolveDocument('/virtual/doc.arazzo.yaml', { text: doc, cache: false, loader });
    const messages = resolved.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain(`cannot resolve source '${base}/missing?***': HTTP 404 fetching`);
    expect(messages).not.toContain('s3cret');
  });
});
