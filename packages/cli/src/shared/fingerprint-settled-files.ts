import { fingerprintFile } from '../validate/result-cache-key.js';

/** How recent a file may be and still be trusted by fingerprint (a coarse mtime may not show a second edit). */
const SETTLE_MS = 2000;

/**
 * The fingerprints (fingerprintFile) of `files`, for a cache entry that is valid while they hold;
 * undefined when a file changed less than two seconds before the command started (`startedAt`,
 * epoch ms): a second edit within the file system's time resolution could keep its fingerprint,
 * so such an entry must not be written.
 */
export function fingerprintSettledFiles(
  files: Iterable<string>,
  startedAt: number,
): Record<string, string> | undefined {
  const prints: Record<string, string> = {};
  for (const path of files) {
    const print = fingerprintFile(path);
    const mtimeNs = /^[fdo]:\d+:(\d+):/.exec(print)?.[1];
    if (mtimeNs !== undefined && Number(BigInt(mtimeNs) / 1_000_000n) > startedAt - SETTLE_MS)
      return undefined;
    prints[path] = print;
  }
  return prints;
}
