// Node built-ins only: bin/telaio.js loads this module (through replay-cached-result.js) before
// any of the CLI, so a warm `telaio validate` never loads the parser, the schema or the lint.
// Through process.getBuiltinModule, not `import`: an import of a builtin builds an ES module facade
// of it at every start (see scripts/bundle.mjs).
const { existsSync, readFileSync, statSync } = process.getBuiltinModule('node:fs');
const { tmpdir } = process.getBuiltinModule('node:os');
const { dirname, join, resolve } = process.getBuiltinModule('node:path');
const { fileURLToPath } = process.getBuiltinModule('node:url');

/** Bump when the entry's layout changes: old entries then miss. */
const RESULT_FORMAT = 'telaio-validate-result-1';

/**
 * What identifies a file's contents without reading them: size, modification and change times in
 * nanoseconds, inode and device (`absent:CODE` when it cannot be stat'ed). A rewrite changes the
 * ctime at least, so an equal fingerprint means the same bytes unless the clock went backwards.
 */
export function fingerprintFile(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.isFile() ? 'f' : s.isDirectory() ? 'd' : 'o'}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.ino}:${s.dev}`;
  } catch (error) {
    return `absent:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** The code that computes results: the CLI's version and the fingerprints of the built files it runs. */
export function buildIdentity(): string {
  const at = (relative: string) => new URL(relative, import.meta.url);
  let version = '';
  try {
    version = readFileSync(at('../../package.json'), 'utf8');
  } catch {
    // An unreadable package.json only weakens the key by the version; the fingerprints still hold.
  }
  const built = [
    '../telaio.bundle.mjs',
    '../main.js',
    './handle-validate.js',
    '../.tsbuildinfo',
    '../../../core/dist/.tsbuildinfo',
    '../../../core/dist/lint/index.js',
  ].map((relative) => fingerprintFile(fileURLToPath(at(relative))));
  return `${version}\u0000${built.join('\u0000')}`;
}

/**
 * The cache folder of `telaio validate` for this command line, as the command computes it:
 * `--cache-dir DIR` (or `=DIR`), else TELAIO_CACHE_DIR, else `node_modules/.cache/telaio` beside
 * the nearest package.json above the working directory, else `telaio-cache` in the temporary folder;
 * then `folder` in it (`telaio run` keeps its lint results in `lint-results`, see
 * run/create-lint-result-cache.ts). Undefined when the cache is off (`--no-cache`, TELAIO_NO_CACHE).
 */
export function resultCacheDir(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  folder = 'validate-results',
): string | undefined {
  if (args.some((a) => a === '--no-cache' || a.startsWith('--no-cache='))) return undefined;
  if (env.TELAIO_NO_CACHE !== undefined && env.TELAIO_NO_CACHE !== '') return undefined;
  let given: string | undefined = env.TELAIO_CACHE_DIR === '' ? undefined : env.TELAIO_CACHE_DIR;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a === '--cache-dir') given = args[i + 1];
    else if (a.startsWith('--cache-dir=')) given = a.slice('--cache-dir='.length);
  }
  if (given !== undefined) return join(resolve(given), folder);
  let dir = process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'node_modules', '.cache', 'telaio', folder);
    const parent = dirname(dir);
    if (parent === dir) return join(tmpdir(), 'telaio-cache', folder);
    dir = parent;
  }
}

/**
 * The key of one `telaio validate` invocation's result: everything its output can depend on besides
 * the files it reads (those are checked by fingerprint on a hit): the command line as given, the
 * working directory, the TELAIO_* and colour variables, whether stdout is a terminal, and the build.
 */
export function resultCacheKey(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const vars = Object.keys(env)
    .filter((k) => k.startsWith('TELAIO_') || k === 'NO_COLOR' || k === 'FORCE_COLOR')
    .sort()
    .map((k) => `${k}=${env[k]}`);
  // node:crypto at the first key, not at load: a `validate --no-cache` never needs it.
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(
      JSON.stringify([
        RESULT_FORMAT,
        buildIdentity(),
        process.version,
        process.cwd(),
        process.stdout.isTTY === true,
        vars,
        args,
      ]),
    )
    .digest('hex');
}

/** Where a missed invocation's result goes: the launcher finds it, the command's handler fills it. */
export interface PendingResult {
  readonly dir: string;
  readonly key: string;
}

const PENDING = Symbol.for('telaio.validate.pendingResult');

/**
 * Remember (the launcher, on a miss) or take (the handler, once) where this process's result is to
 * be stored. A global symbol, not module state: the launcher's copy of this module and the bundle's
 * are two instances. Only a run started by bin/telaio.js has one, so `main()` called from a program
 * never writes under a command line it was not given.
 */
export function pendingResult(set?: PendingResult): PendingResult | undefined {
  const store = globalThis as { [PENDING]?: PendingResult | undefined };
  if (set !== undefined) {
    store[PENDING] = set;
    return set;
  }
  const taken = store[PENDING];
  store[PENDING] = undefined;
  return taken;
}
