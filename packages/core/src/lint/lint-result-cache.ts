import { digestSha256Hex } from '../sources/digest-sha256.js';
import type { SeverityOverrides } from './apply-severity.js';
import type { Diagnostic } from './diagnostic.js';

/** Bump when lint's findings change shape or meaning for the same key: old entries then miss. */
const LINT_CACHE_FORMAT = 'telaio-lint-result-1';

/**
 * Where `engine.load` keeps a document's lint findings between processes (EngineOptions.lintCache),
 * so an unchanged document is not linted again (nor lint's code loaded). The engine gives a key that
 * covers the document's URI and everything lint is told besides the files (severity overrides,
 * criterion types, provided documents); the cache must answer only when every file the load read is
 * unchanged since the entry was written, and only for the same build of telaio (the key does not
 * cover lint's own code). The CLI's implementation checks file fingerprints (see
 * @telaio/cli's run/create-lint-result-cache.ts). A cache is only a speed-up: read may always miss.
 */
export interface LintResultCache {
  /** The findings stored under `key`, if every file they came from is unchanged; else undefined. */
  read(entry: { readonly key: string; readonly uri: string }): Promise<readonly Diagnostic[] | undefined>;
  /** Store the findings of a load under `key` (a failure to store is the cache's to ignore). */
  write(entry: {
    readonly key: string;
    readonly uri: string;
    readonly diagnostics: readonly Diagnostic[];
  }): Promise<void>;
}

/**
 * The key of a document's lint findings: sha256 (hex) of the format, the document's absolute URI,
 * the severity overrides, the criterion types lint checks conditions with, and the documents
 * provided with it (ResolveDocumentOptions.documents). Only for registries of the standard types:
 * a plugin's checks are code the key cannot see, so engine.load does not cache then.
 */
export function lintCacheKey(options: {
  readonly uri: string;
  readonly severity: SeverityOverrides | undefined;
  readonly criterionTypes: readonly string[];
  readonly documents: readonly string[];
}): string {
  const severity = options.severity === undefined ? [] : Object.entries(options.severity).sort();
  return digestSha256Hex([
    JSON.stringify([LINT_CACHE_FORMAT, options.uri, severity, options.criterionTypes, options.documents]),
  ]);
}
