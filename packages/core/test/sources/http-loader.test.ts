import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const pets = readFileSync(new URL('../fixtures/sources/pets-3.0.yaml', import.meta.url), 'utf8');
const doc = `arazzo: 1.0.1
info: {title: remote, version: '1'}
sourceDescriptions:
  - {name: pets, url: ../specs/pets.yaml}
  - {name: gone, url: /specs/missing.yaml}
workflows:
  - {workflowId: w, steps: [{stepId: s, operationId: getPet}]}
`;

describe('http(s) sources through fetch', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/flows/main.arazzo.yaml') res.end(doc);
      else if (req.url === '/specs/pets.yaml') res.end(pets);
      else {
        res.statusCode = 404;
        res.end('no');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    clearSourceCache();
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('loads the document and resolves its sources relative to its URL', async () => {
    const r = await resolveDocument(`${base}/flows/main.arazzo.yaml`, { cache: false });
    expect(r.sources[0], JSON.stringify(r.sources[0])).toMatchObject({
      kind: 'openapi',
      uri: `${base}/specs/pets.yaml`,
    });
    expect(r.index.byOperationId('getPet')).toHaveLength(1);
    const unresolved = r.diagnostics.filter((d) => d.code === 'source-unresolved');
    expect(unresolved).toHaveLength(1);
    expect(unresolved[0]?.pointer).toBe('/sourceDescriptions/1/url');
    expect(unresolved[0]?.message).toMatch(/HTTP 404/);
    expect(unresolved[0]?.range.start.line).toBe(5);
  });

  it('fetches each URL once per process', async () => {
    await resolveDocument(`${base}/flows/main.arazzo.yaml`, { cache: false });
    expect(hits.filter((h) => h === '/specs/pets.yaml')).toHaveLength(1);
  });
});
