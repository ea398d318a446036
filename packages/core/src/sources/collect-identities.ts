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
  const loaded =
    options.documents.length > 1
      ? await loadShared(options.documents, loader, cacheDir)
      : await loadAll(options.documents, loader, cacheDir, options.entry.uri);
  for (const source of loaded) if (source?.kind === 'arazzo' && source.uri !== options.entry.uri) add(source);
  return map;
}

/** What each of `documents` loaded as (undefined: not a URI), skipping `skip`. */
function loadAll(
  documents: readonly string[],
  loader: SourceLoader,
  cacheDir: string | undefined,
  skip?: string,
): Promise<(LoadedSource | undefined)[]> {
  return Promise.all(
    documents.map((d) => {
      let uri: string;
      try {
        uri = normalizeDocumentUri(d);
      } catch {
        return undefined;
      }
      return uri === skip ? undefined : loadSourceOnce({ uri, loader, cacheDir });
    }),
  );
}

/** Per list of documents provided together (validate passes one list to every entry): its loads, once. */
const shared = new WeakMap<
  readonly string[],
  { loader: SourceLoader; cacheDir: string | undefined; loaded: Promise<(LoadedSource | undefined)[]> }
>();

/**
 * loadAll of a list shared by several entries, done once for them all: each entry then skips its own
 * document (the map of N entries costs N lookups, not N x N).
 */
function loadShared(
  documents: readonly string[],
  loader: SourceLoader,
  cacheDir: string | undefined,
): Promise<(LoadedSource | undefined)[]> {
  const known = shared.get(documents);
  if (known !== undefined && known.loader === loader && known.cacheDir === cacheDir) return known.loaded;
  const loaded = loadAll(documents, loader, cacheDir);
  shared.set(documents, { loader, cacheDir, loaded });
  return loaded;
}
