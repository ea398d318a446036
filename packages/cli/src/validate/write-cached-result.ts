import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CachedValidateResult } from './replay-cached-result.js';
import { fingerprintFile, type PendingResult } from './result-cache-key.js';

/** How recent a file may be and still be trusted by fingerprint (a coarse mtime may not show a second edit). */
const SETTLE_MS = 2000;

/**
 * Store what this `telaio validate` printed and returned, with the fingerprints of every file it
 * read (`files`), where the launcher's miss said (`at`, see pendingResult), for replayCachedResult.
 * Nothing is stored when a file was
 * fetched over the network (`remote`), or when a file changed less than two seconds before the run
 * started (`startedAt`): a second edit within the file system's time resolution could keep its
 * fingerprint. Failures are ignored (the cache is only a speed-up).
 */
export async function writeCachedResult(options: {
  at: PendingResult;
  startedAt: number;
  files: Iterable<string>;
  remote: boolean;
  stdout: string;
  stderr: string;
  code: number;
}): Promise<void> {
  const { dir, key } = options.at;
  if (options.remote) return;
  const files: Record<string, string> = {};
  for (const path of options.files) {
    const print = fingerprintFile(path);
    const mtimeNs = /^[fdo]:\d+:(\d+):/.exec(print)?.[1];
    if (mtimeNs !== undefined && Number(BigInt(mtimeNs) / 1_000_000n) > options.startedAt - SETTLE_MS) return;
    files[path] = print;
  }
  const entry: CachedValidateResult = {
    format: 'telaio-validate-result-1',
    stdout: options.stdout,
    stderr: options.stderr,
    code: options.code,
    files,
  };
  try {
    await mkdir(dir, { recursive: true });
    const target = join(dir, `${key}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, target);
  } catch {
    // The cache is only a speed-up.
  }
}
