import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { CachedFile } from './disk-cache.js';
import { loadReferencedOnce } from './load-referenced-file.js';
import type { SourceLoader } from './types.js';

const isUrl = (uri: string): boolean => /^https?:/i.test(uri);

/**
 * The referenced files of a local source as the disk cache stores them: paths relative to the
 * source's directory (the key of a local source is its text alone, so the entry must hold wherever
 * that text sits); URLs, and every file of a remote source (whose URL is in the key), absolute.
 */
export function toCachedFiles(
  rootUri: string,
  files: readonly { uri: string; hash: string }[],
): readonly CachedFile[] {
  if (isUrl(rootUri)) return files;
  return files.map((f) => (isUrl(f.uri) ? f : { uri: relative(dirname(rootUri), f.uri), hash: f.hash }));
}

/**
 * True when every referenced file of a cached entry still has the text it was built from: each is
 * loaded through `loader` (once per process, shared with the bundling of a miss) and hashed.
 */
export async function cachedFilesMatch(options: {
  rootUri: string;
  files: readonly CachedFile[];
  loader: SourceLoader;
}): Promise<boolean> {
  const { rootUri, files, loader } = options;
  if (files.length === 0) return true;
  const checks = await Promise.all(
    files.map(async (f) => {
      if (typeof f?.uri !== 'string' || typeof f.hash !== 'string') return false;
      const uri =
        isUrl(f.uri) || isUrl(rootUri) || isAbsolute(f.uri) ? f.uri : resolve(dirname(rootUri), f.uri);
      const loaded = await loadReferencedOnce(loader, uri);
      return loaded.ok && loaded.hash === f.hash;
    }),
  );
  return checks.every(Boolean);
}
