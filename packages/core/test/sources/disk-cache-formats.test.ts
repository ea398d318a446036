import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveDocument } from '../../src/sources/resolve-document.js';
import { clearSourceCache } from '../../src/sources/source-cache.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sources/${name}`, import.meta.url));

/** The index of a document as plain data, to compare a cold run with a warm one. */
async function indexOf(document: string, cache: { dir: string } | false) {
  clearSourceCache();
  const resolved = await resolveDocument(fixture(document), { cache });
  return resolved.sources.map((source) =>
    source.kind === 'openapi' || source.kind === 'asyncapi'
      ? {
          kind: source.kind,
          version: source.version,
          operations: JSON.parse(JSON.stringify(source.operations)),
        }
      : { kind: source.kind },
  );
}

describe('the disk cache keeps every source format exact', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'telaio-cache-formats-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['Swagger 2.0', 'versions/run-swagger-2.0.arazzo.yaml', 1],
    ['OpenAPI 3.2', 'versions/run-3.2.arazzo.yaml', 1],
    ['AsyncAPI 2.6 and 3.0 (not cached: built each time)', 'async/async.arazzo.yaml', 0],
  ])('%s: a warm run from the cache indexes what a cold one does', async (_, document, entries) => {
    const uncached = await indexOf(document, false);
    const cold = await indexOf(document, { dir });
    expect(readdirSync(dir)).toHaveLength(entries);
    const warm = await indexOf(document, { dir });
    expect(cold).toEqual(uncached);
    expect(warm).toEqual(uncached);
  });
});
