/**
 * Arazzo 1.1.0 §Identity-Based Referencing: "implementations MUST examine potential target Arazzo
 * Descriptions [...] to check for matching `$self` values". The documents provided together with
 * the entry one (and the entry itself) are read once and known by their `$self` (resolved against
 * where each was read, 1.1.0 §Establishing the Base URI), so a sourceDescription url naming that
 * identity finds the document without fetching its location (Appendix B, Identity vs Location:
 * "implementations can scan for `$self` values to locate documents from a provided collection").
 */
import { fileURLToPath } from 'node:url';
import { resolvedSelf } from './document-base-uri.js';
import type { LoadedSource } from './load-source-file.js';
import { normalizeDocumentUri } from './resolve-source-uri.js';
import { loadSourceOnce } from './source-cache.js';
import type { ArazzoFile, SourceLoader } from './types.js';

/** An Arazzo document known by its identity. */
export type KnownArazzo = Extract<LoadedSource, { kind: 'arazzo' }>;

/** `$self` (absolute; `file:` ones also as their path) → the document that declares it. */
export type Identities = ReadonlyMap<string, KnownArazzo>;

/** The keys a `$self` is found under: the URI, and for `file:` URIs the path the loader reads. */
export function identityKeys(self: string): string[] {
  if (!/^file:/i.test(self)) return [self];
  try {
    return [self, fileURLToPath(self)];
  } catch {
    return [self];
  }
}

/** The identity of `file`: its `$self` resolved against where it was read, or undefined. */
export function identityOf(file: ArazzoFile): string | undefined {
  const root = file.document as unknown;
  const self = root !== null && typeof root === 'object' ? (root as { $self?: unknown }).$self : undefined;
  return resolvedSelf({ uri: file.uri, self });
}

/**
 * Read `documents` (paths or URIs; ones that are not Arazzo or cannot be read are skipped: each is
 * reported when validated itself) and map every `$self` to its document; the first of two documents
 * claiming one identity keeps it.
 */
export async function collectIdentities(options: {
  entry: ArazzoFile;
  documents: readonly string[];
  loader: SourceLoader;
  cacheDir: string | undefined;
}): Promise<Identities> {
  const { loader, cacheDir } = options;
  const map = new Map<string, KnownArazzo>();
  const add = (known: KnownArazzo): void => {
    const self = identityOf(known.file);
    if (self === undefined) return;
    for (const key of identityKeys(self)) if (!map.has(key)) map.set(key, known);
  };
  add({ kind: 'arazzo', uri: options.entry.uri, file: options.entry });
  const loaded = await Promise.all(
    options.documents.map((d) => {
      let uri: string;
      try {
        uri = normalizeDocumentUri(d);
      } catch {
        return undefined;
      }
      return uri === options.entry.uri ? undefined : loadSourceOnce({ uri, loader, cacheDir });
    }),
  );
  for (const source of loaded) if (source?.kind === 'arazzo') add(source);
  return map;
}
