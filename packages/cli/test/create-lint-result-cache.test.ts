/**
 * The CLI's LintResultCache (run/create-lint-result-cache.ts, issue 19 pt 3): an entry answers only
 * while every file the load read keeps its fingerprint, for this build, when nothing came over the
 * network and the load read no file the entry does not name; malformed entries miss.
 */
import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Diagnostic } from '@telaio/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { createLintResultCache } from '../src/run/create-lint-result-cache.js';
import type { RecordingLoader } from '../src/validate/create-recording-loader.js';

const past = new Date(Date.now() - 60_000);
const finding: Diagnostic = {
  file: '/x/flow.arazzo.yml',
  code: 'operation-unknown',
  rule: 'operation-unknown',
  severity: 'warning',
  message: 'no operation listItemz',
  range: { start: { line: 3, column: 5, offset: 40 }, end: { line: 3, column: 9, offset: 44 } },
  pointer: '/workflows/0',
};

let dir: string;
let files: Set<string>;
let remote: boolean;
const recording = (): RecordingLoader => ({
  loader: { load: async () => ({ text: '' }) } as unknown as RecordingLoader['loader'],
  files,
  remote: () => remote,
});
const cache = (startedAt = Date.now()) =>
  createLintResultCache({ dir: path.join(dir, 'lint-results'), recording: recording(), startedAt });
const entryFile = () => path.join(dir, 'lint-results', 'k.json');

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'telaio-lint-cache-'));
  remote = false;
  files = new Set();
  for (const name of ['a.yml', 'b.yml']) {
    const file = path.join(dir, name);
    writeFileSync(file, name);
    utimesSync(file, past, past);
    files.add(file);
  }
});

describe('createLintResultCache', () => {
  it('reads back what it wrote while the files are unchanged', async () => {
    await cache().write({ key: 'k', uri: 'file:///x', diagnostics: [finding] });
    expect(await cache().read({ key: 'k', uri: 'file:///x' })).toEqual([finding]);
    expect(await cache().read({ key: 'other', uri: 'file:///x' })).toBeUndefined();
  });

  it('misses when a file changed, when the load read a file the entry does not name, or after a fetch', async () => {
    await cache().write({ key: 'k', uri: 'file:///x', diagnostics: [finding] });
    files.add(path.join(dir, 'missing.yml'));
    expect(await cache().read({ key: 'k', uri: 'file:///x' })).toBeUndefined();
    files.delete(path.join(dir, 'missing.yml'));
    remote = true;
    expect(await cache().read({ key: 'k', uri: 'file:///x' })).toBeUndefined();
    remote = false;
    const a = path.join(dir, 'a.yml');
    writeFileSync(a, 'a.yml, changed');
    utimesSync(a, past, past);
    expect(await cache().read({ key: 'k', uri: 'file:///x' })).toBeUndefined();
  });

  it('writes nothing after a fetch or when a file changed in the two seconds before the start', async () => {
    remote = true;
    await cache().write({ key: 'k', uri: 'file:///x', diagnostics: [finding] });
    remote = false;
    utimesSync(path.join(dir, 'b.yml'), new Date(), new Date());
    await cache().write({ key: 'k', uri: 'file:///x', diagnostics: [finding] });
    expect(() => readdirSync(path.join(dir, 'lint-results'))).toThrow();
    await cache(Date.now() + 5_000).write({ key: 'k', uri: 'file:///x', diagnostics: [finding] });
    expect(readdirSync(path.join(dir, 'lint-results'))).toEqual(['k.json']);
  });

  it('misses for another build and for malformed entries', async () => {
    await cache().write({ key: 'k', uri: 'file:///x', diagnostics: [finding] });
    const good = JSON.parse(readFileSync(entryFile(), 'utf8'));
    for (const bad of [
      { ...good, build: `${good.build}-other` },
      { ...good, format: 'telaio-run-lint-0' },
      { ...good, diagnostics: [{ ...finding, severity: 'fatal' }] },
      { ...good, diagnostics: [{ ...finding, range: {} }] },
      { ...good, files: null },
    ]) {
      writeFileSync(entryFile(), JSON.stringify(bad));
      expect(await cache().read({ key: 'k', uri: 'file:///x' })).toBeUndefined();
    }
    writeFileSync(entryFile(), '{ not json');
    expect(await cache().read({ key: 'k', uri: 'file:///x' })).toBeUndefined();
    writeFileSync(entryFile(), JSON.stringify(good));
    expect(await cache().read({ key: 'k', uri: 'file:///x' })).toEqual([finding]);
  });
});
