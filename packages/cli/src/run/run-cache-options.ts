import { createDefaultLoader, type LintResultCache, type SourceLoader } from '@telaio/core';
import { createRecordingLoader } from '../validate/create-recording-loader.js';
import { resultCacheDir } from '../validate/result-cache-key.js';
import { createLintResultCache } from './create-lint-result-cache.js';

const { dirname } = process.getBuiltinModule('node:path');

/**
 * The engine's cache options for `telaio run` and `telaio test`, in the cache folder `telaio
 * validate` uses (TELAIO_CACHE_DIR, else node_modules/.cache/telaio beside the nearest package.json,
 * else telaio-cache in the temporary folder): the parsed-source summaries in it, and the lint
 * findings of unchanged documents in its `lint-results` (create-lint-result-cache.ts), read through
 * a loader that notes what it reads. TELAIO_NO_CACHE turns both off. (A dry run's criteria are
 * plugins, for which core does not use the lint cache.)
 */
export async function runCacheOptions(): Promise<
  { cache: false } | { cache: { dir: string }; loader: SourceLoader; lintCache: LintResultCache }
> {
  const lintDir = resultCacheDir([], process.env, 'lint-results');
  if (lintDir === undefined) return { cache: false };
  const startedAt = Date.now();
  const recording = await createRecordingLoader(createDefaultLoader());
  return {
    cache: { dir: dirname(lintDir) },
    loader: recording.loader,
    lintCache: createLintResultCache({ dir: lintDir, recording, startedAt }),
  };
}
