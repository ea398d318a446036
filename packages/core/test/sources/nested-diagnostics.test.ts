import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine, TelaioError } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/lint-document.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const pets = fileURLToPath(new URL('../fixtures/sources/pets-3.0.yaml', import.meta.url));
const doc = (title: string, sources: string[], steps = '[{stepId: s, operationId: getPet}]') =>
  `arazzo: 1.0.1
info: {title: ${title}, version: '1'}
sourceDescriptions:
${sources.map((s) => `  - ${s}`).join('\n')}
workflows:
  - {workflowId: w, steps: ${steps}}
`;
const petsSource = `{name: pets, url: '${pets}', type: openapi}`;

let dir: string;
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telaio-nested-'));
  clearSourceCache();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('diagnostics of nested Arazzo sources', () => {
  it('reports schema errors and unresolvable sources of the nested document, in that file', async () => {
    const root = write(
      'root.arazzo.yaml',
      doc('root', [petsSource, '{name: child, url: child.arazzo.yaml}']),
    );
    const child = write(
      'child.arazzo.yaml',
      `arazzo: 1.0.1
info: {title: child, version: '1'}
sourceDescriptions:
  - {name: gone, url: ./missing.yaml}
workflows:
  - {workflowId: w}
`,
    );
    const r = await resolveDocument(root, { cache: false });
    const nested = r.diagnostics.filter((d) => d.file === child);
    expect(nested.map((d) => d.code).sort()).toEqual(['schema', 'source-unresolved']);
    const unresolved = nested.find((d) => d.code === 'source-unresolved');
    expect(unresolved?.range.start.line).toBe(4);
    expect(unresolved?.message).toMatch(/missing\.yaml/);
    expect(r.diagnostics.filter((d) => d.file === root)).toEqual([]);
  });

  it('reports a nested document that does not parse as yaml-syntax in that file', async () => {
    const root = write(
      'root.arazzo.yaml',
      doc('root', [petsSource, '{name: child, url: child.arazzo.yaml}']),
    );
    const child = write('child.arazzo.yaml', 'arazzo: 1.0.1\ninfo: {title: [\n');
    const r = await resolveDocument(root, { cache: false });
    expect(r.diagnostics.filter((d) => d.file === root).map((d) => d.code)).toEqual(['source-unresolved']);
    const nested = r.diagnostics.filter((d) => d.file === child);
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.every((d) => d.code === 'yaml-syntax')).toBe(true);
  });

  it('reports a document named by several documents once, and ends on cycles', async () => {
    const root = write(
      'root.arazzo.yaml',
      doc('root', [petsSource, '{name: a, url: a.arazzo.yaml}', '{name: b, url: b.arazzo.yaml}']),
    );
    write(
      'a.arazzo.yaml',
      doc('a', [petsSource, '{name: c, url: c.arazzo.yaml}', '{name: a, url: a.arazzo.yaml}']),
    );
    write(
      'b.arazzo.yaml',
      doc('b', [petsSource, '{name: c, url: c.arazzo.yaml}', '{name: r, url: root.arazzo.yaml}']),
    );
    const twice = '[{stepId: s, operationId: getPet}, {stepId: s, operationId: getPet}]';
    const c = write(
      'c.arazzo.yaml',
      doc('c', ['{name: gone, url: gone.yaml}', '{name: b, url: b.arazzo.yaml}'], twice),
    );
    const r = await resolveDocument(root, { cache: false });
    const unresolved = r.diagnostics.filter((d) => d.code === 'source-unresolved');
    expect(unresolved.map((d) => d.file)).toEqual([c]);
    const lint = lintDocument(r);
    expect(lint.filter((d) => d.file === c && d.code === 'duplicate-id')).toHaveLength(1);
  });

  it('runs the semantic rules on the nested document', async () => {
    const root = write(
      'root.arazzo.yaml',
      doc('root', [petsSource, '{name: child, url: child.arazzo.yaml}']),
    );
    const child = write('child.arazzo.yaml', doc('child', [petsSource], '[{stepId: s, operationId: nope}]'));
    const lint = lintDocument(await resolveDocument(root, { cache: false }));
    const nested = lint.filter((d) => d.file === child);
    expect(nested.map((d) => `${d.code} ${d.range.start.line}`)).toEqual(['operation-unknown 6']);
  });

  it('makes engine.load refuse a document whose nested source is broken', async () => {
    const root = write(
      'root.arazzo.yaml',
      doc('root', [petsSource, '{name: child, url: child.arazzo.yaml}']),
    );
    write('child.arazzo.yaml', doc('child', ['{name: gone, url: gone.yaml}']));
    const engine = createEngine({ cache: false, transport: createMemoryTransport(() => ({ status: 200 })) });
    const error = await engine.load(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelaioError);
    expect((error as TelaioError).code).toBe('document-invalid');
    expect((error as Error).message).toMatch(/source-unresolved/);
  });
});
