import { fingerprintSettledFiles } from '../shared/fingerprint-settled-files.js';
import { writeJsonAtomically } from '../shared/write-json-atomically.js';
import type { CachedValidateResult } from './replay-cached-result.js';
import type { PendingResult } from './result-cache-key.js';

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
  const files = fingerprintSettledFiles(options.files, options.startedAt);
  if (files === undefined) return;
  const entry: CachedValidateResult = {
    format: 'telaio-validate-result-1',
    stdout: options.stdout,
    stderr: options.stderr,
    code: options.code,
    files,
  };
  await writeJsonAtomically(dir, key, entry);
}
