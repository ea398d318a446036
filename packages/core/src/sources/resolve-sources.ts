import type { SourceDescription } from '../model/arazzo.js';
import type { Identities } from './collect-identities.js';
import { copyProperties } from './copy-properties.js';
import { documentBaseUri } from './document-base-uri.js';
import type { LoadedSource } from './load-source-file.js';
import { resolveSourceUri } from './resolve-source-uri.js';
import { loadSourceOnce } from './source-cache.js';
import type {
  ArazzoFile,
  OperationInfo,
  ResolvedAsyncApiSource,
  ResolvedSource,
  SourceLoader,
} from './types.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const KIND_NAMES = { arazzo: 'an Arazzo', openapi: 'an OpenAPI', asyncapi: 'an AsyncAPI' } as const;

/** Operations with a sourceDescription name attached, shared per (name, uri) across documents. */
const named = new WeakMap<object, Map<string, readonly OperationInfo[]>>();

/**
 * Resolve every sourceDescription of `file` (in order). Arazzo sources are resolved recursively;
 * a document already on the current chain (a cycle) is returned without resolving its sources again.
 */
export async function resolveSources(options: {
  file: ArazzoFile;
  loader: SourceLoader;
  cacheDir: string | undefined;
  chain?: ReadonlySet<string>;
  /** Arazzo documents known by `$self` (collect-identities.ts): found by identity before any fetch. */
  identities?: Identities;
}): Promise<ResolvedSource[]> {
  const { file, loader, cacheDir, identities } = options;
  const chain = new Set(options.chain ?? []).add(file.uri);
  const root = file.document as unknown;
  // An empty or scalar document (schema reports it) has no sources.
  const list =
    root !== null && typeof root === 'object' && !Array.isArray(root)
      ? (root as { sourceDescriptions?: unknown }).sourceDescriptions
      : undefined;
  const descriptions = Array.isArray(list) ? (list as unknown[]) : [];
  // 1.1.0 §Establishing the Base URI: `$self` (resolved against the retrieval URI) when present.
  const self = root !== null && typeof root === 'object' ? (root as { $self?: unknown }).$self : undefined;
  const base = documentBaseUri({ uri: file.uri, self });
  return Promise.all(
    descriptions.map(async (raw): Promise<ResolvedSource> => {
      const description = raw as SourceDescription;
      if (
        raw === null ||
        typeof raw !== 'object' ||
        typeof description.url !== 'string' ||
        typeof description.name !== 'string'
      ) {
        return { kind: 'unresolved', description, uri: '', reason: 'sourceDescription has no name or url' };
      }
      let uri: string;
      try {
        uri = resolveSourceUri({ base, ref: description.url });
      } catch (error) {
        return {
          kind: 'unresolved',
          description,
          uri: description.url,
          reason: `bad url: ${(error as Error).message}`,
        };
      }
      const declared = description.type as string | undefined;
      const expected =
        declared === 'arazzo' || declared === 'openapi' || declared === 'asyncapi' ? declared : undefined;
      // 1.1.0 §Identity-Based Referencing: a document whose `$self` is this url, before its location.
      const known =
        identities?.get(SCHEME.test(description.url) ? description.url : uri) ?? identities?.get(uri);
      if (known !== undefined) uri = known.uri;
      let loaded: LoadedSource = known ?? (await loadSourceOnce({ uri, loader, cacheDir }));
      if (loaded.kind === 'unresolved' && base !== file.uri && !SCHEME.test(description.url)) {
        // The `$self`-based URI is the source's identity; where it cannot be read, the same relative
        // url from where this document was read (1.1.0: referencing by retrieval URI, a MAY).
        const local = resolveSourceUri({ base: file.uri, ref: description.url });
        const fallback = local === uri ? loaded : await loadSourceOnce({ uri: local, loader, cacheDir });
        if (fallback.kind !== 'unresolved') {
          uri = local;
          loaded = fallback;
        }
      }
      if (loaded.kind === 'unresolved') {
        const { reason, diagnostics } = loaded;
        return diagnostics === undefined
          ? { kind: 'unresolved', description, uri, reason }
          : { kind: 'unresolved', description, uri, reason, diagnostics };
      }
      if (expected !== undefined && loaded.kind !== expected) {
        const reason = `declared type '${expected}' but the file is ${KIND_NAMES[loaded.kind]} document`;
        return { kind: 'unresolved', description, uri, reason };
      }
      if (loaded.kind === 'arazzo') {
        const sources = chain.has(uri)
          ? []
          : await resolveSources({
              file: loaded.file,
              loader,
              cacheDir,
              chain,
              ...(identities === undefined ? {} : { identities }),
            });
        return { kind: 'arazzo', description, uri, file: loaded.file, sources };
      }
      if (loaded.kind === 'asyncapi') return withAsyncName(description, uri, loaded);
      let byName = named.get(loaded.summary);
      if (byName === undefined) {
        byName = new Map();
        named.set(loaded.summary, byName);
      }
      let operations = byName.get(description.name);
      if (operations === undefined) {
        operations = loaded.summary.operations.map((op) =>
          copyProperties(op, { sourceName: description.name }),
        );
        byName.set(description.name, operations);
      }
      const { version, brokenRefs } = loaded.summary;
      return {
        kind: 'openapi',
        description,
        uri,
        version,
        operations,
        ...(loaded.problems === undefined ? {} : { problems: loaded.problems }),
        ...(brokenRefs === undefined ? {} : { brokenRefs }),
      };
    }),
  );
}

/** Per AsyncAPI summary, per sourceDescription name: its operations and channels with that name attached. */
const namedAsync = new WeakMap<object, Map<string, ResolvedAsyncApiSource>>();

function withAsyncName(
  description: SourceDescription,
  uri: string,
  loaded: Extract<LoadedSource, { kind: 'asyncapi' }>,
): ResolvedAsyncApiSource {
  const { summary } = loaded;
  let byName = namedAsync.get(summary);
  if (byName === undefined) {
    byName = new Map();
    namedAsync.set(summary, byName);
  }
  const sourceName = description.name;
  let shared = byName.get(sourceName);
  if (shared === undefined) {
    const operations = summary.operations.map((op) => ({ ...op, sourceName }));
    const channels = summary.channels.map(({ operationIndexes, ...channel }) => ({
      ...channel,
      sourceName,
      operations: operationIndexes.flatMap((i) => (operations[i] === undefined ? [] : [operations[i]])),
    }));
    shared = {
      kind: 'asyncapi',
      description,
      uri,
      version: summary.version,
      operations,
      channels,
      servers: summary.servers,
    };
    byName.set(sourceName, shared);
  }
  const base = shared.description === description ? shared : { ...shared, description, uri };
  return loaded.problems === undefined ? base : { ...base, problems: loaded.problems };
}
