import { createDefaultLoader, type LintResultCache, type SourceLoader } from '@telaio/core';
import { createRecordingLoader } from '../validate/create-recording-loader.js';
import { resultCacheDir } from '../validate/result-cache-key.js';
import { createLintResultCache } from './create-lint-result-cache.js';

/**
 * The engine options that let `telaio run` and `telaio test` read back the lint findings of
 * unchanged documents (create-lint-result-cache.ts): a loader that notes what it reads and the cache
 * in `lint-results` of the cache folder (TELAIO_CACHE_DIR, else node_modules/.cache/telaio). None
 * with TELAIO_NO_CACHE. A dry run's criteria are plugins, for which core does not use the cache.
 */
export async function lintCacheOptions(): Promise<{ loader?: SourceLoader; lintCache?: LintResultCache }> {
  const dir = resultCacheDir([], process.env, 'lint-results');
  if (dir === undefined) return {};
  const startedAt = Date.now();
  const recording = await createRecordingLoader(createDefaultLoader());
  return { loader: recording.loader, lintCache: createLintResultCache({ dir, recording, startedAt }) };
}
