import type { SourceDescription } from '../model/arazzo.js';
import { resolveSourceUri } from './resolve-source-uri.js';
import { loadSourceOnce } from './source-cache.js';
import type { ArazzoFile, OperationInfo, ResolvedSource, SourceLoader } from './types.js';

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
}): Promise<ResolvedSource[]> {
  const { file, loader, cacheDir } = options;
  const chain = new Set(options.chain ?? []).add(file.uri);
  const root = file.document as unknown;
  // An empty or scalar document (schema reports it) has no sources.
  const list =
    root !== null && typeof root === 'object' && !Array.isArray(root)
      ? (root as { sourceDescriptions?: unknown }).sourceDescriptions
      : undefined;
  const descriptions = Array.isArray(list) ? (list as unknown[]) : [];
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
        uri = resolveSourceUri({ base: file.uri, ref: description.url });
      } catch (error) {
        return {
          kind: 'unresolved',
          description,
          uri: description.url,
          reason: `bad url: ${(error as Error).message}`,
        };
      }
      const expected =
        description.type === 'arazzo' || description.type === 'openapi' ? description.type : undefined;
      const loaded = await loadSourceOnce({ uri, loader, cacheDir });
      if (loaded.kind === 'unresolved') {
        const { reason, diagnostics } = loaded;
        return diagnostics === undefined
          ? { kind: 'unresolved', description, uri, reason }
          : { kind: 'unresolved', description, uri, reason, diagnostics };
      }
      if (expected !== undefined && loaded.kind !== expected) {
        const reason = `declared type '${expected}' but the file is ${loaded.kind === 'arazzo' ? 'an Arazzo' : 'an OpenAPI'} document`;
        return { kind: 'unresolved', description, uri, reason };
      }
      if (loaded.kind === 'arazzo') {
        const sources = chain.has(uri)
          ? []
          : await resolveSources({ file: loaded.file, loader, cacheDir, chain });
        return { kind: 'arazzo', description, uri, file: loaded.file, sources };
      }
      let byName = named.get(loaded.summary);
      if (byName === undefined) {
        byName = new Map();
        named.set(loaded.summary, byName);
      }
      let operations = byName.get(description.name);
      if (operations === undefined) {
        operations = loaded.summary.operations.map((op) => ({ ...op, sourceName: description.name }));
        byName.set(description.name, operations);
      }
      const { version } = loaded.summary;
      return loaded.problems === undefined
        ? { kind: 'openapi', description, uri, version, operations }
        : { kind: 'openapi', description, uri, version, operations, problems: loaded.problems };
    }),
  );
}
