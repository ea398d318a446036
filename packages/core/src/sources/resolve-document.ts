import { notText } from '../document/load-arazzo-text.js';
import { TelaioError } from '../errors.js';
import type { Diagnostic } from '../lint/diagnostic.js';
import { checkStepOperations } from './check-step-operations.js';
import { collectIdentities } from './collect-identities.js';
import { defaultLoader } from './create-default-loader.js';
import { createOperationIndex } from './create-operation-index.js';
import { defaultCacheDir } from './disk-cache.js';
import { loadArazzoOnce } from './load-arazzo-once.js';
import { nestedArazzoSources, nestedDiagnostics, sourceDiagnostics } from './nested-diagnostics.js';
import { normalizeDocumentUri } from './resolve-source-uri.js';
import { resolveSources } from './resolve-sources.js';
import type { ArazzoFile, ResolveDocumentOptions, ResolvedDocument } from './types.js';

export type { ResolveDocumentOptions, ResolvedDocument } from './types.js';

const zero = { line: 1, column: 1, offset: 0 };

/**
 * Load an Arazzo document, check it against the schema and resolve its sourceDescriptions into an
 * operation index. Never throws for a broken document or an unreachable source: those come back as
 * diagnostics (`yaml-syntax`, `schema`, `unsupported-version`, `source-unresolved`, and
 * `file-unreadable` when the document itself cannot be read; `yaml-syntax` when it is not UTF-8 text).
 * Arazzo documents named as sources (and theirs, each once) are checked too: their own findings come
 * back with `file` set to that document.
 */
export async function resolveDocument(
  uri: string,
  options: ResolveDocumentOptions = {},
): Promise<ResolvedDocument> {
  const loader = options.loader ?? defaultLoader;
  const absolute = safe(() => normalizeDocumentUri(uri)) ?? uri;
  let text = options.text;
  if (text === undefined) {
    try {
      text = (await loader.load(absolute)).text;
    } catch (error) {
      if (error instanceof TelaioError && error.details?.notText === true)
        return { sources: [], index: createOperationIndex([]), diagnostics: [notText(absolute)] };
      const message = `cannot read document: ${error instanceof Error ? error.message : String(error)}`;
      const diagnostic: Diagnostic = {
        file: absolute,
        code: 'file-unreadable',
        severity: 'error',
        message,
        range: { start: zero, end: zero },
        pointer: '',
      };
      return { sources: [], index: createOperationIndex([]), diagnostics: [diagnostic] };
    }
  }
  const loaded = loadArazzoOnce({ uri: absolute, text, loader });
  const file = loaded.file;
  if (file === undefined)
    return { sources: [], index: createOperationIndex([]), diagnostics: loaded.diagnostics };
  const diagnostics: Diagnostic[] = options.checkSchema === false ? [] : [...(await schemaChecker())(file)];
  const cache = options.cache ?? true;
  const cacheDir = cache === false ? undefined : cache === true ? defaultCacheDir() : cache.dir;
  const documents = options.documents ?? [];
  const identities = await collectIdentities({ entry: file, documents, loader, cacheDir });
  const sources = await resolveSources({ file, loader, cacheDir, identities });
  const index = createOperationIndex(sources);
  diagnostics.push(...sourceDiagnostics(file, sources), ...checkStepOperations({ file, sources, index }));
  const nested = nestedArazzoSources(absolute, sources);
  if (nested.length > 0) diagnostics.push(...nestedDiagnostics(nested, await schemaChecker()));
  return { file, sources, index, diagnostics };
}

/**
 * validateSchema, imported on first use: the schemas and their compiler are ~30 KB of code a run
 * whose lint findings come from the cache (EngineOptions.lintCache) never needs.
 */
export async function schemaChecker(): Promise<(file: ArazzoFile) => Diagnostic[]> {
  return (await import('../schema/validate-schema.js')).validateSchema;
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
