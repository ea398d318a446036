/**
 * EngineOptions.lintCache (issue 19 pt 3): engine.load reads an unchanged document's lint findings
 * back from the cache instead of linting it again, and stores what it lints on a miss. The cache here
 * is a Map that records its calls; a planted finding on a hit shows the stored findings are the ones
 * used (and that lint did not run: it would not report it).
 */
import {
  createEngine,
  type Diagnostic,
  type EngineOptions,
  type LintResultCache,
  lintDocument,
  resolveDocument,
} from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';

function recordingCache(): LintResultCache & {
  entries: Map<string, readonly Diagnostic[]>;
  reads: string[];
  writes: string[];
} {
  const entries = new Map<string, readonly Diagnostic[]>();
  const reads: string[] = [];
  const writes: string[] = [];
  return {
    entries,
    reads,
    writes,
    async read({ key }) {
      reads.push(key);
      return entries.get(key);
    },
    async write({ key, diagnostics }) {
      writes.push(key);
      entries.set(key, diagnostics);
    },
  };
}

const engineWith = (lintCache: LintResultCache, more: Partial<EngineOptions> = {}) =>
  createEngine({
    transport: createMemoryTransport(() => ({ status: 200, body: {} })),
    cache: false,
    lintCache,
    ...more,
  });

const planted = (file: string): Diagnostic => ({
  file,
  code: 'planted-by-test',
  rule: 'planted-by-test',
  severity: 'error',
  message: 'a finding only the cache knows',
  range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  pointer: '',
});

describe('EngineOptions.lintCache (issue 19 pt 3)', () => {
  it('a miss lints and stores the findings lintDocument gives; the next load reads them back', async () => {
    const cache = recordingCache();
    const engine = engineWith(cache);
    const doc = await engine.load(fixture('pets.arazzo.yaml'));
    expect(cache.reads).toHaveLength(1);
    expect(cache.writes).toEqual(cache.reads);
    const key = cache.writes[0] as string;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const linted = lintDocument(await resolveDocument(fixture('pets.arazzo.yaml'), { cache: false }));
    expect(cache.entries.get(key)).toEqual(linted);
    const again = await engine.load(fixture('pets.arazzo.yaml'));
    expect(cache.reads).toEqual([key, key]);
    expect(cache.writes).toEqual([key]);
    expect(again.diagnostics).toEqual(doc.diagnostics);
  });

  it('a hit is used as lint’s findings: a stored error refuses the document', async () => {
    const cache = recordingCache();
    const engine = engineWith(cache);
    await engine.load(fixture('pets.arazzo.yaml'));
    const key = cache.writes[0] as string;
    cache.entries.set(key, [planted(fixture('pets.arazzo.yaml'))]);
    await expect(engine.load(fixture('pets.arazzo.yaml'))).rejects.toMatchObject({
      code: 'document-invalid',
      message: expect.stringContaining('planted-by-test'),
    });
    // A stored warning is reported as the document's own.
    cache.entries.set(key, [{ ...planted(fixture('pets.arazzo.yaml')), severity: 'warning' }]);
    const doc = await engine.load(fixture('pets.arazzo.yaml'));
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['planted-by-test']);
  });

  it('the key covers the severity overrides and the provided documents', async () => {
    const keys: string[] = [];
    for (const more of [
      {},
      {},
      { severity: { 'operation-unknown': 'warning' as const } },
      { documents: [fixture('pets.arazzo.yaml')] },
    ]) {
      const cache = recordingCache();
      await engineWith(cache, more).load(fixture('pets.arazzo.yaml'));
      keys.push(cache.reads[0] as string);
    }
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(3);
  });

  it('a miss reports the schema findings too, as a load without the cache does (the check waits for the miss)', async () => {
    const { readFileSync, writeFileSync, mkdtempSync, copyFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-lint-cache-schema-'));
    copyFileSync(fixture('pets.openapi.yaml'), path.join(dir, 'pets.openapi.yaml'));
    const file = path.join(dir, 'bad.arazzo.yaml');
    // An unknown root property: a schema error.
    writeFileSync(
      file,
      readFileSync(fixture('pets.arazzo.yaml'), 'utf8').replace(/^info:/m, 'colour: blue\ninfo:'),
    );
    const refusal = async (engine: ReturnType<typeof engineWith> | ReturnType<typeof createEngine>) => {
      try {
        await engine.load(file);
      } catch (error) {
        return (error as { details?: { diagnostics?: unknown } }).details?.diagnostics;
      }
      return 'loaded';
    };
    const plain = await refusal(
      createEngine({ transport: createMemoryTransport(() => ({ status: 200, body: {} })), cache: false }),
    );
    expect(JSON.stringify(plain)).toContain('colour');
    const cache = recordingCache();
    expect(await refusal(engineWith(cache))).toEqual(plain);
    expect(cache.writes).toHaveLength(1);
    // And the hit gives the same.
    expect(await refusal(engineWith(cache))).toEqual(plain);
  });

  it('is not used with criteria plugins, nor for a document handed in as text', async () => {
    const cache = recordingCache();
    const plugin = {
      type: 'custom',
      versions: [],
      compile: () => () => true,
    } as unknown as NonNullable<EngineOptions['criteria']>[number];
    await engineWith(cache, { criteria: [plugin] }).load(fixture('pets.arazzo.yaml'));
    const { readFileSync } = await import('node:fs');
    await engineWith(cache).load({
      uri: fixture('pets.arazzo.yaml'),
      text: readFileSync(fixture('pets.arazzo.yaml'), 'utf8'),
    });
    expect(cache.reads).toEqual([]);
    expect(cache.writes).toEqual([]);
  });
});
