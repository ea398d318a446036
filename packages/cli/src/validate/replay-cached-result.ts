// Node built-ins only (see result-cache-key.ts): this is the whole of a warm `telaio validate`.
import { fingerprintFile, pendingResult, resultCacheDir, resultCacheKey } from './result-cache-key.js';

// Builtins through process.getBuiltinModule: this module and result-cache-key.ts are all a warm
// validate loads, and an `import` of a builtin builds an ES module facade of it (bin/telaio.js).
const { readFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

/** A stored `telaio validate` result: what it printed, its exit code, and the files it read. */
export interface CachedValidateResult {
  readonly format: 'telaio-validate-result-1';
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
  /** Every file the run read or looked for (absolute path), with its fingerprint then. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * A warm `telaio validate ARGS`: when the cache holds the result of the same command line (same
 * working directory, variables and build) and every file that run read still has the fingerprint
 * it had, print that result and return its exit code, without loading any parser or lint code.
 * Undefined (nothing printed) on a miss, when the cache is off, or on any doubt; on a miss the
 * place for this run's result is remembered (pendingResult) for the handler to fill.
 */
export async function replayCachedResult(args: readonly string[]): Promise<number | undefined> {
  const dir = resultCacheDir(args);
  if (dir === undefined) return undefined;
  const key = resultCacheKey(args);
  const entry = readEntry(join(dir, `${key}.json`));
  if (
    entry === undefined ||
    !Object.entries(entry.files).every(([path, print]) => fingerprintFile(path) === print)
  ) {
    pendingResult({ dir, key });
    return undefined;
  }
  await Promise.all([write(process.stdout, entry.stdout), write(process.stderr, entry.stderr)]);
  return entry.code;
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return text === '' ? Promise.resolve() : new Promise((done) => stream.write(text, () => done()));
}

function readEntry(file: string): CachedValidateResult | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CachedValidateResult;
    const valid =
      entry.format === 'telaio-validate-result-1' &&
      typeof entry.files === 'object' &&
      entry.files !== null &&
      typeof entry.stdout === 'string' &&
      typeof entry.stderr === 'string' &&
      typeof entry.code === 'number';
    return valid ? entry : undefined;
  } catch {
    return undefined;
  }
}
