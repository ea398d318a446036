import { TelaioError } from '../errors.js';
import type { Diagnostic } from '../lint/diagnostic.js';
import { type AsyncApiSummary, buildAsyncOperations } from './build-async-operations.js';
import { buildOperations, type OpenApiSummary } from './build-operations.js';
import { bundleExternalRefs, mayHaveExternalRefs } from './bundle-external-refs.js';
import { cachedFilesMatch, toCachedFiles } from './cached-files.js';
import { checkApiVersion } from './check-api-version.js';
import { cacheKeyOf, readCachedSummary, writeCachedSummary } from './disk-cache.js';
import { findBrokenLocalRefs } from './find-broken-refs.js';
import { loadArazzoOnce } from './load-arazzo-once.js';
import { parseSourceText } from './parse-source-text.js';
import type { ArazzoFile, SourceLoader } from './types.js';

/** A source file loaded and understood, independent of the sourceDescription that named it. */
export type LoadedSource =
  | {
      readonly kind: 'openapi';
      readonly uri: string;
      readonly summary: OpenApiSummary;
      /** Files named by external `$ref`s that could not be loaded or parsed (see bundleExternalRefs). */
      readonly problems?: readonly string[];
    }
  | {
      readonly kind: 'asyncapi';
      readonly uri: string;
      readonly summary: AsyncApiSummary;
      readonly problems?: readonly string[];
    }
  | { readonly kind: 'arazzo'; readonly uri: string; readonly file: ArazzoFile }
  | {
      readonly kind: 'unresolved';
      readonly uri: string;
      readonly reason: string;
      /** An Arazzo file that did not parse: its own yaml-syntax (or schema) diagnostics. */
      readonly diagnostics?: readonly Diagnostic[];
    };

/**
 * Load one source file and recognise it by its content: Swagger 2.0 or OpenAPI 3.0/3.1/3.2 (the
 * version checked, the files its external `$ref`s name loaded through `loader` and folded in,
 * operations built, summary cached on disk by content hash when `cacheDir` is set, the hashes of
 * referenced files checked on a hit), AsyncAPI 2.x/3.x (operations and channels built; small, not
 * cached) or Arazzo. Never rejects.
 */
export async function loadSourceFile(options: {
  uri: string;
  loader: SourceLoader;
  cacheDir?: string | undefined;
}): Promise<LoadedSource> {
  const { uri, loader, cacheDir } = options;
  let text: string;
  try {
    text = (await loader.load(uri)).text;
  } catch (error) {
    const reason = error instanceof TelaioError || error instanceof Error ? error.message : String(error);
    return { kind: 'unresolved', uri, reason };
  }
  const key = cacheDir === undefined ? undefined : cacheKeyOf(text, /^https?:/i.test(uri) ? uri : '');
  if (key !== undefined && cacheDir !== undefined) {
    const cached = await readCachedSummary({ dir: cacheDir, key });
    if (cached !== undefined && (await cachedFilesMatch({ rootUri: uri, files: cached.files, loader })))
      return { kind: 'openapi', uri, summary: cached.summary };
  }
  // `openapi:` first: an OpenAPI text has it near its top, so its megabytes are not scanned for `arazzo:`.
  if (!/^\s*["']?openapi["']?\s*:/m.test(text) && /^\s*["']?arazzo["']?\s*:/m.test(text)) {
    const { file, diagnostics } = loadArazzoOnce({ uri, text, loader });
    return file === undefined
      ? { kind: 'unresolved', uri, reason: `parse error: ${firstMessage(diagnostics)}`, diagnostics }
      : { kind: 'arazzo', uri, file };
  }
  let api: unknown;
  try {
    api = parseSourceText(text);
  } catch (error) {
    return { kind: 'unresolved', uri, reason: `parse error: ${(error as Error).message.split('\n')[0]}` };
  }
  const checked = checkApiVersion(api);
  if ('reason' in checked) return { kind: 'unresolved', uri, reason: checked.reason };
  const bundled = mayHaveExternalRefs(text)
    ? await bundleExternalRefs({ api, uri, loader })
    : { api, files: [], problems: [] };
  const problems = bundled.problems.length > 0 ? { problems: bundled.problems } : {};
  if (checked.family.startsWith('asyncapi')) {
    try {
      return { kind: 'asyncapi', uri, summary: buildAsyncOperations({ api: bundled.api }), ...problems };
    } catch (error) {
      return { kind: 'unresolved', uri, reason: (error as Error).message };
    }
  }
  const brokenRefs = findBrokenLocalRefs({ text, api: bundled.api });
  const needs = brokenRefs.length > 0 || bundled.problems.length > 0;
  const built = buildOperations({ api: bundled.api, uri, needs });
  const summary = brokenRefs.length === 0 ? built : { ...built, brokenRefs };
  if (bundled.problems.length > 0) return { kind: 'openapi', uri, summary, ...problems };
  if (key !== undefined && cacheDir !== undefined) {
    const files = toCachedFiles(uri, bundled.files);
    await writeCachedSummary({ dir: cacheDir, key, summary, files });
  }
  return { kind: 'openapi', uri, summary };
}

function firstMessage(diagnostics: readonly Diagnostic[]): string {
  const d = diagnostics[0];
  return d === undefined ? 'unknown' : `${d.message} (line ${d.range.start.line})`;
}
