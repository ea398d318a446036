import { clearArazzoParses } from './load-arazzo-once.js';
import { clearReferencedFiles } from './load-referenced-file.js';
import { type LoadedSource, loadSourceFile } from './load-source-file.js';
import type { SourceLoader } from './types.js';

/** Per loader, per absolute URI: the one load of that file in this process. */
let cache = new WeakMap<SourceLoader, Map<string, Promise<LoadedSource>>>();

/**
 * Load a source file once per process (per loader): later calls for the same absolute URI share the
 * first call's promise, however many documents name the file.
 */
export function loadSourceOnce(options: Parameters<typeof loadSourceFile>[0]): Promise<LoadedSource> {
  let byUri = cache.get(options.loader);
  if (byUri === undefined) {
    byUri = new Map();
    cache.set(options.loader, byUri);
  }
  const key = options.uri;
  let pending = byUri.get(key);
  if (pending === undefined) {
    pending = loadSourceFile(options);
    byUri.set(key, pending);
  }
  return pending;
}

/**
 * Forget every loaded source, every parsed Arazzo text and every file reached through external `$ref`s (for tests, or a
 * long-lived process whose files changed).
 */
export function clearSourceCache(): void {
  cache = new WeakMap();
  clearReferencedFiles();
  clearArazzoParses();
}
