import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDefaultLoader } from '../../src/sources/create-default-loader.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';
import type { ResolvedDocument, SourceLoader } from '../../src/sources/types.js';

const splitDir = fileURLToPath(new URL('../fixtures/sources/split/', import.meta.url));
const flow = join(splitDir, 'flow.arazzo.yaml');

/** A loader that counts reads per URI and fails for URIs ending with `fail`. */
function countingLoader(fail?: string): SourceLoader & { calls: Map<string, number> } {
  const inner = createDefaultLoader();
  const calls = new Map<string, number>();
  return {
    calls,
    load(uri, options) {
      calls.set(uri, (calls.get(uri) ?? 0) + 1);
      if (fail !== undefined && uri.endsWith(fail)) return Promise.reject(new Error(`refused: ${fail}`));
      return inner.load(uri, options);
    },
  };
}

const op = (r: ResolvedDocument, id: string) => r.index.byOperationId(id)[0];
const ownerOf = (r: ResolvedDocument) =>
  (op(r, 'getPet')?.responseShapes?.['200']?.properties?.owner?.properties ?? {}) as Record<string, unknown>;

beforeEach(() => clearSourceCache());

describe('external $refs of OpenAPI sources', () => {
  it('follows path item, parameter, schema and security scheme refs across files', async () => {
    const r = await resolveDocument(flow, { cache: false });
    expect(r.diagnostics).toEqual([]);
    const list = op(r, 'listPets');
    expect(list?.path).toBe('/pets');
    expect(list?.pointer).toBe('/paths/~1pets/get');
    expect(list?.parameters).toEqual([
      { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } },
    ]);
    expect(Object.keys(list?.responseShapes?.['200']?.items?.properties ?? {})).toEqual([
      'id',
      'owner',
      'problem',
    ]);
    expect(op(r, 'getPet')?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:petId',
      'query:limit',
    ]);
    expect(op(r, 'getPet')?.securitySchemes.apiKey).toEqual({
      type: 'apiKey',
      in: 'header',
      name: 'X-Api-Key',
    });
  });

  it('resolves a nested `#/...` ref relative to the file that holds it, and refs back to the root', async () => {
    const r = await resolveDocument(flow, { cache: false });
    expect(Object.keys(ownerOf(r))).toEqual(['name', 'pets']);
    const pet = op(r, 'getPet')?.responseShapes?.['200']?.properties;
    expect(pet?.problem).toEqual({ properties: { detail: { type: 'string' } } });
  });

  it('loads each referenced file once, through the given loader', async () => {
    const loader = countingLoader();
    await resolveDocument(flow, { cache: false, loader });
    await resolveDocument(flow, { cache: false, loader });
    expect(loader.calls.get(join(splitDir, 'common.yaml'))).toBe(1);
    expect(loader.calls.get(join(splitDir, 'paths/pets.yaml'))).toBe(1);
  });

  it('warns of an unloadable referenced file at the sourceDescription url, errs at the step whose operation needs it, indexing the rest', async () => {
    const r = await resolveDocument(flow, { cache: false, loader: countingLoader('common.yaml') });
    const warnings = r.diagnostics.filter((d) => d.code === 'source-ref-unresolved');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.severity).toBe('warning');
    expect(warnings[0]?.pointer).toBe('/sourceDescriptions/0/url');
    expect(warnings[0]?.range.start.line).toBe(5);
    expect(warnings[0]?.message).toContain("cannot load 'common.yaml#/components/parameters/Limit'");
    expect(warnings[0]?.message).toContain('#/paths/~1pets~1{petId}/get/parameters/1/$ref');
    expect(warnings[0]?.message).toContain('refused: common.yaml');
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.code} ${d.rule} ${d.pointer}`)).toEqual([
      'source-unresolved operation-ref-unresolved /workflows/0/steps/0/operationId',
    ]);
    expect(errors[0]?.message).toContain(
      "operation 'listPets' of source 'pets' needs '../common.yaml#/components/parameters/Limit'",
    );
    expect(op(r, 'listPets')?.path).toBe('/pets');
    expect(op(r, 'getPet')?.parameters.map((p) => p.name)).toEqual(['petId']);
  });
});

describe('disk cache of a split source', () => {
  let dir: string;
  let work: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'telaio-split-cache-'));
    work = mkdtempSync(join(tmpdir(), 'telaio-split-src-'));
    cpSync(splitDir, work, { recursive: true });
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('hits while referenced files are unchanged and misses once one changes', async () => {
    const doc = join(work, 'flow.arazzo.yaml');
    await resolveDocument(doc, { cache: { dir } });
    const [entry] = readdirSync(dir);
    const path = join(dir, entry ?? '');
    const poisoned = JSON.parse(readFileSync(path, 'utf8'));
    poisoned.summary.operations[0].operationId = 'fromTheCache';
    writeFileSync(path, JSON.stringify(poisoned));
    clearSourceCache();
    const warm = await resolveDocument(doc, { cache: { dir } });
    expect(warm.index.byOperationId('fromTheCache')).toHaveLength(1);
    const common = join(work, 'common.yaml');
    writeFileSync(
      common,
      readFileSync(common, 'utf8').replace('name: { type: string }', 'nick: { type: string }'),
    );
    clearSourceCache();
    const changed = await resolveDocument(doc, { cache: { dir } });
    expect(changed.index.byOperationId('fromTheCache')).toHaveLength(0);
    expect(Object.keys(ownerOf(changed))).toEqual(['nick', 'pets']);
  });

  it('does not cache a source whose referenced file is missing', async () => {
    rmSync(join(work, 'common.yaml'));
    const r = await resolveDocument(join(work, 'flow.arazzo.yaml'), { cache: { dir } });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['source-ref-unresolved', 'source-unresolved']);
    expect(r.diagnostics[0]?.message).toMatch(/file not found: .*common\.yaml/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('external $refs of a source served over http', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const name = (req.url ?? '').replace(/^\/api\//, '');
      try {
        res.end(readFileSync(join(splitDir, name)));
      } catch {
        res.statusCode = 404;
        res.end('no');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('resolves refs relative to the URL of the referring file', async () => {
    const text = readFileSync(flow, 'utf8').replace('./openapi.yaml', `${base}/api/openapi.yaml`);
    const r = await resolveDocument(flow, { cache: false, text });
    expect(r.diagnostics).toEqual([]);
    expect(op(r, 'listPets')?.parameters.map((p) => p.name)).toEqual(['limit']);
    expect(Object.keys(ownerOf(r))).toEqual(['name', 'pets']);
    expect(hits.filter((h) => h === '/api/common.yaml')).toHaveLength(1);
    expect(hits).toContain('/api/paths/pets.yaml');
  });
});
