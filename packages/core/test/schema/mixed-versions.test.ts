import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lintDocument } from '../../src/lint/lint-document.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const pets = fileURLToPath(new URL('../fixtures/sources/pets-3.0.yaml', import.meta.url));

/** A small document of `version` using pets' getPet, and calling `child`'s workflow when given. */
const doc = (version: string, extra: { child?: string; self?: boolean; timeout?: boolean } = {}) =>
  `arazzo: ${version}
${extra.self ? '$self: https://example.test/doc.arazzo.yaml\n' : ''}info: {title: t, version: '1'}
sourceDescriptions:
  - {name: pets, url: '${pets}', type: openapi}
${extra.child ? `  - {name: child, url: ${extra.child}, type: arazzo}\n` : ''}workflows:
  - workflowId: w
    steps:
      - stepId: s
        operationId: getPet
        parameters: [{name: petId, in: path, value: 1}, {name: X-Trace, in: header, value: t}]
${extra.timeout ? '        timeout: 1000\n' : ''}${extra.child ? '      - {stepId: n, workflowId: $sourceDescriptions.child.w}\n' : ''}`;

let dir: string;
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const lint = async (root: string) =>
  lintDocument(await resolveDocument(root, { cache: false })).map((d) => ({
    file: d.file === root ? 'root' : 'child',
    code: d.code,
    pointer: d.pointer,
    line: d.range.start.line,
  }));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telaio-versions-'));
  clearSourceCache();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('each document is read by its own arazzo version (1.1.0 §Versions, §Arazzo Description Structure)', () => {
  it('a 1.1 entry document may name a 1.0 source document', async () => {
    write('child.arazzo.yaml', doc('1.0.1'));
    const root = write(
      'root.arazzo.yaml',
      doc('1.1.0', { child: 'child.arazzo.yaml', self: true, timeout: true }),
    );
    expect(await lint(root)).toEqual([]);
  });

  it('a 1.0 entry document may name a 1.1 source document', async () => {
    write('child.arazzo.yaml', doc('1.1.0', { self: true, timeout: true }));
    const root = write('root.arazzo.yaml', doc('1.0.0', { child: 'child.arazzo.yaml' }));
    expect(await lint(root)).toEqual([]);
  });

  it('a 1.1 field in the 1.0 source is a schema error there, not in the 1.1 entry', async () => {
    write('child.arazzo.yaml', doc('1.0.1', { timeout: true }));
    const root = write('root.arazzo.yaml', doc('1.1.0', { child: 'child.arazzo.yaml', timeout: true }));
    expect(await lint(root)).toEqual([
      { file: 'child', code: 'schema', pointer: '/workflows/0/steps/0/timeout', line: 11 },
    ]);
  });

  it('a 1.1 field in the 1.0 entry is a schema error there, not in its 1.1 source', async () => {
    write('child.arazzo.yaml', doc('1.1.0', { self: true }));
    const root = write('root.arazzo.yaml', doc('1.0.1', { child: 'child.arazzo.yaml', self: true }));
    expect(await lint(root)).toEqual([{ file: 'root', code: 'schema', pointer: '/$self', line: 2 }]);
  });

  it('an unknown minor in a source document is unsupported-version in that file only', async () => {
    write('child.arazzo.yaml', doc('1.2.0'));
    const root = write('root.arazzo.yaml', doc('1.1.0', { child: 'child.arazzo.yaml' }));
    const found = await lint(root);
    expect(found.filter((d) => d.code === 'unsupported-version')).toEqual([
      { file: 'child', code: 'unsupported-version', pointer: '/arazzo', line: 1 },
    ]);
    expect(found.filter((d) => d.file === 'root' && d.code === 'schema')).toEqual([]);
  });
});
