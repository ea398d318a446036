import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../src/sources/disk-cache.js';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sources/${name}`, import.meta.url));
const petsText = () => readFileSync(fixture('pets-3.0.yaml'), 'utf8');

describe('content-hash disk cache of parsed sources', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'telaio-cache-test-'));
    clearSourceCache();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one entry per OpenAPI text, keyed by its hash', async () => {
    await resolveDocument(fixture('main.arazzo.yaml'), { cache: { dir } });
    const entries = readdirSync(dir).sort();
    expect(entries).toHaveLength(2);
    expect(entries).toContain(`${cacheKeyOf(petsText())}.json`);
  });

  it('serves a warm run from the cache without parsing the source', async () => {
    await resolveDocument(fixture('main.arazzo.yaml'), { cache: { dir } });
    // Poison the entry: if the warm run reads it, the poisoned operation shows up.
    const entry = join(dir, `${cacheKeyOf(petsText())}.json`);
    const poisoned = JSON.parse(readFileSync(entry, 'utf8'));
    poisoned.summary.operations[0].operationId = 'fromTheCache';
    writeFileSync(entry, JSON.stringify(poisoned));
    clearSourceCache();
    const warm = await resolveDocument(fixture('main.arazzo.yaml'), { cache: { dir } });
    expect(warm.index.byOperationId('fromTheCache')).toHaveLength(1);
    clearSourceCache();
    const uncached = await resolveDocument(fixture('main.arazzo.yaml'), { cache: false });
    expect(uncached.index.byOperationId('fromTheCache')).toHaveLength(0);
  });

  it('ignores a corrupt entry and rebuilds', async () => {
    writeFileSync(join(dir, `${cacheKeyOf(petsText())}.json`), '{not json');
    const r = await resolveDocument(fixture('main.arazzo.yaml'), { cache: { dir } });
    expect(r.index.byOperationId('$sourceDescriptions.pets.getPet')).toHaveLength(1);
  });

  it('writes nothing with cache: false', async () => {
    await resolveDocument(fixture('main.arazzo.yaml'), { cache: false });
    expect(readdirSync(dir)).toEqual([]);
  });
});
