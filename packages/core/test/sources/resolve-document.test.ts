import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDefaultLoader } from '../../src/sources/create-default-loader.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';
import type { SourceLoader } from '../../src/sources/types.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sources/${name}`, import.meta.url));

/** A loader that counts how often each URI is read. */
function countingLoader(): SourceLoader & { calls: Map<string, number> } {
  const inner = createDefaultLoader();
  const calls = new Map<string, number>();
  return {
    calls,
    load(uri, options) {
      calls.set(uri, (calls.get(uri) ?? 0) + 1);
      return inner.load(uri, options);
    },
  };
}

beforeEach(() => clearSourceCache());

describe('resolveDocument sources', () => {
  it('resolves OpenAPI 3.0 and 3.1 sources relative to the document', async () => {
    const r = await resolveDocument(fixture('main.arazzo.yaml'), { cache: false });
    expect(r.diagnostics).toEqual([]);
    expect(r.sources.map((s) => s.kind)).toEqual(['openapi', 'openapi', 'arazzo']);
    expect(r.sources[0]).toMatchObject({ kind: 'openapi', uri: fixture('pets-3.0.yaml'), version: '3.0.3' });
    expect(r.sources[1]).toMatchObject({ kind: 'openapi', uri: fixture('store-3.1.json'), version: '3.1.0' });
  });

  it('merges path-level and $ref parameters, operation winning', async () => {
    const r = await resolveDocument(fixture('main.arazzo.yaml'), { cache: false });
    const [op] = r.index.byOperationId('$sourceDescriptions.pets.getPet');
    expect(op?.sourceName).toBe('pets');
    expect(op?.method).toBe('get');
    expect(op?.path).toBe('/pets/{petId}');
    expect(op?.pointer).toBe('/paths/~1pets~1{petId}/get');
    expect(op?.parameters.map((p) => `${p.in}:${p.name}:${p.required ?? false}`)).toEqual([
      'path:petId:true',
      'header:X-Trace:true',
      'query:verbose:false',
    ]);
    expect(op?.parameters[0]?.schema).toEqual({ type: 'string', pattern: '^[a-z0-9]+$' });
    expect(op?.servers).toEqual([{ url: 'https://pets.example.com/v1' }]);
    expect(op?.security).toEqual([{ basic: [] }]);
    expect(op?.securitySchemes.basic).toEqual({ type: 'http', scheme: 'basic' });
    expect((op?.responses['200'] as { description?: string } | undefined)?.description).toBe('a pet');
  });

  it('gives operation-level servers and security, request bodies resolved (recursive schemas kept)', async () => {
    const r = await resolveDocument(fixture('main.arazzo.yaml'), { cache: false });
    const [del] = r.index.byOperationId('deletePet');
    expect(del?.servers).toEqual([{ url: 'https://admin.example.com' }]);
    expect(del?.security).toEqual([]);
    const [create] = r.index.byOperationId('createPet');
    const schema = create?.requestBody?.content['application/json']?.schema as {
      properties: Record<string, unknown>;
    };
    expect(create?.requestBody?.required).toBe(true);
    expect(schema.properties.id).toEqual({ type: 'string', pattern: '^[a-z0-9]+$' });
    expect(schema.properties.parent).toEqual({ $ref: '#/components/schemas/Pet' });
  });

  it('finds operationIds unqualified, qualified and ambiguous', async () => {
    const r = await resolveDocument(fixture('main.arazzo.yaml'), { cache: false });
    expect(r.index.byOperationId('getOrderItems').map((o) => o.sourceName)).toEqual(['store']);
    expect(
      r.index
        .byOperationId('getPet')
        .map((o) => o.sourceName)
        .sort(),
    ).toEqual(['pets', 'store']);
    expect(r.index.byOperationId('$sourceDescriptions.store.getPet').map((o) => o.sourceName)).toEqual([
      'store',
    ]);
    expect(r.index.byOperationId('$sourceDescriptions.store.createPet')).toEqual([]);
    expect(r.index.byOperationId('$sourceDescriptions.nope.getPet')).toEqual([]);
    expect(r.index.byOperationId('nothing')).toEqual([]);
  });

  it('finds operationPaths with ~ escapes and percent-encoding', async () => {
    const r = await resolveDocument(fixture('main.arazzo.yaml'), { cache: false });
    const find = (p: string) => r.index.byOperationPath(p);
    expect(find('{$sourceDescriptions.pets.url}#/paths/~1pets~1{petId}/get')?.operationId).toBe('getPet');
    expect(find('{$sourceDescriptions.pets.url}#/paths/~1pets~1%7BpetId%7D/delete')?.operationId).toBe(
      'deletePet',
    );
    expect(
      find('{$sourceDescriptions.store.url}#/paths/~1orders~1{orderId}~1items~1~0x/get')?.operationId,
    ).toBe('getOrderItems');
    expect(
      find('{$sourceDescriptions.store.url}#/paths/~1orders~1{orderId}~1items~1~0x/GET')?.operationId,
    ).toBe('getOrderItems');
    expect(find('./pets-3.0.yaml#/paths/~1pets/post')?.operationId).toBe('createPet');
    expect(find('{$sourceDescriptions.pets.url}#/paths/~1pets~1{petId}')).toBeUndefined();
    expect(find('{$sourceDescriptions.pets.url}#/paths/~1pets/get')).toBeUndefined();
  });

  it('resolves Arazzo sources recursively and stops at cycles', async () => {
    const r = await resolveDocument(fixture('main.arazzo.yaml'), { cache: false });
    const child = r.sources[2];
    if (child?.kind !== 'arazzo') throw new Error('child not resolved');
    expect(child.file.document.workflows[0]?.workflowId).toBe('child');
    const back = child.sources[0];
    expect(back?.kind).toBe('arazzo');
    if (back?.kind === 'arazzo') expect(back.sources).toEqual([]);
    expect(child.sources[1]?.kind).toBe('openapi');
  });

  it('loads each file once per process however many documents name it', async () => {
    const loader = countingLoader();
    await resolveDocument(fixture('main.arazzo.yaml'), { loader, cache: false });
    await resolveDocument(fixture('main.arazzo.yaml'), { loader, cache: false });
    await resolveDocument(fixture('nested/child.arazzo.yaml'), { loader, cache: false });
    expect(loader.calls.get(fixture('pets-3.0.yaml'))).toBe(1);
    expect(loader.calls.get(fixture('store-3.1.json'))).toBe(1);
  });

  it('reports source-unresolved at each url, saying why', async () => {
    const r = await resolveDocument(fixture('unresolved.arazzo.yaml'), { cache: false });
    const ds = r.diagnostics.filter((d) => d.code === 'source-unresolved');
    expect(ds.map((d) => d.pointer)).toEqual([
      '/sourceDescriptions/0/url',
      '/sourceDescriptions/1/url',
      '/sourceDescriptions/2/url',
    ]);
    expect(ds.map((d) => d.range.start.line)).toEqual([5, 7, 9]);
    expect(ds[0]?.message).toMatch(/file not found/);
    expect(ds[1]?.message).toMatch(/parse error/);
    expect(ds[2]?.message).toMatch(/not an OpenAPI document/);
  });

  it('reports an unreadable document as data', async () => {
    const r = await resolveDocument(fixture('nope.arazzo.yaml'));
    expect(r.file).toBeUndefined();
    expect(r.diagnostics[0]).toMatchObject({ code: 'file-unreadable', severity: 'error' });
  });

  it('takes the text from options and resolves relative to the uri', async () => {
    const text =
      'arazzo: 1.0.1\ninfo: {title: t, version: "1"}\nsourceDescriptions: [{name: p, url: ./pets-3.0.yaml}]\nworkflows: [{workflowId: w, steps: [{stepId: s, operationId: getPet}]}]\n';
    const r = await resolveDocument(fixture('virtual.arazzo.yaml'), { text, cache: false });
    expect(r.diagnostics).toEqual([]);
    expect(r.index.byOperationId('getPet')).toHaveLength(1);
  });
});

describe('resolveDocument on an empty document', () => {
  const message =
    'the document is empty; an Arazzo document is an object with arazzo, info, sourceDescriptions and workflows';
  for (const [label, text] of [
    ['no text', ''],
    ['~', '~\n'],
    ['null', 'null\n'],
    ['only a comment', '# nothing here\n'],
  ] as const) {
    it(`${label}: one schema diagnostic at 1:1, no throw`, async () => {
      const r = await resolveDocument('/tmp/empty.arazzo.yaml', { text, cache: false });
      expect(r.sources).toEqual([]);
      expect(r.diagnostics).toEqual([
        expect.objectContaining({
          code: 'schema',
          severity: 'error',
          message,
          pointer: '',
          range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
        }),
      ]);
    });
  }
});

describe('resolveDocument on a binary file', () => {
  const expected = [
    expect.objectContaining({
      code: 'yaml-syntax',
      severity: 'error',
      message: 'not a text file (invalid UTF-8 / NUL byte)',
      pointer: '',
      range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    }),
  ];
  const write = (name: string, bytes: Uint8Array): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-binary-'));
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it('an ELF header (NUL bytes, valid UTF-8)', async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0]);
    const r = await resolveDocument(write('a.out', elf), { cache: false });
    expect(r.diagnostics).toEqual(expected);
  });

  it('a PNG header and random bytes (invalid UTF-8)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await resolveDocument(write('a.png', png), { cache: false })).diagnostics).toEqual(expected);
    const random = new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0x41]);
    expect((await resolveDocument(write('r.bin', random), { cache: false })).diagnostics).toEqual(expected);
  });

  it('text with a NUL byte given directly', async () => {
    const r = await resolveDocument('/tmp/x.arazzo.yaml', { text: 'arazzo: 1.0.1\u0000\n', cache: false });
    expect(r.diagnostics).toEqual(expected);
  });
});
