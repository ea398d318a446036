import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDescription } from '@telaio/core';

/** Resolves a local `$ref` (`#/components/schemas/X`) inside the OpenAPI source it was found in. */
export type RefResolver = (sourceName: string, ref: string) => unknown;

/**
 * A RefResolver for `--dry-run`'s made-up bodies, for schemas the operation index left as `$ref`:
 * reads each local source file once (JSON or YAML) relative to the Arazzo document. Remote sources
 * and refs into other files resolve to undefined (their leaves become plain placeholders).
 */
export function createRefResolver(options: {
  readonly documentUri: string;
  readonly sources: readonly SourceDescription[];
}): RefResolver {
  const base = dirname(
    options.documentUri.startsWith('file:') ? fileURLToPath(options.documentUri) : options.documentUri,
  );
  const parsed = new Map<string, unknown>();
  const load = (name: string): unknown => {
    if (parsed.has(name)) return parsed.get(name);
    let value: unknown;
    const source = options.sources.find((s) => s.name === name);
    if (source !== undefined && !/^https?:/i.test(source.url)) {
      try {
        const path = source.url.startsWith('file:') ? fileURLToPath(source.url) : resolve(base, source.url);
        const text = readFileSync(path, 'utf8');
        value = yamlParse(text);
      } catch {
        value = undefined;
      }
    }
    parsed.set(name, value);
    return value;
  };
  return (sourceName, ref) => {
    if (!ref.startsWith('#/')) return undefined;
    let node = load(sourceName);
    for (const raw of ref.slice(2).split('/')) {
      const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
    }
    return node;
  };
}

let yamlParse: (text: string) => unknown = (text) => JSON.parse(text);

/** Loads the YAML parser before the first use (kept out of the cold path of real runs). */
export async function prepareRefResolver(): Promise<void> {
  const { parse } = await import('yaml');
  yamlParse = (text) => parse(text) as unknown;
}
