#!/usr/bin/env node
// The telaio command: a thin launcher for the compiled CLI (run `pnpm build` first in a checkout).
// It imports dist/telaio.bundle.mjs (the CLI and its libraries in one ES module, built by
// `pnpm build`: one file to load instead of a few hundred) unless a package was compiled after the
// bundle was made (a `tsc -b` alone would leave it stale); TELAIO_NO_BUNDLE=1 forces the unbundled
// modules.
// Builtins through process.getBuiltinModule, not `import`: no ES module facade to build (see
// scripts/bundle.mjs, which does the same to the bundle's files).
const { stat, statSync } = process.getBuiltinModule('node:fs');
// Start libuv's thread pool now: the ES module loader reads the bundle and its chunks through it,
// and the first read otherwise waits for its threads to start (~1-4 ms of idle at every start).
stat('/', () => {});

const mtime = (relative) => {
  try {
    return statSync(new URL(relative, import.meta.url)).mtimeMs;
  } catch {
    return 0;
  }
};

const bundled = process.env.TELAIO_NO_BUNDLE ? 0 : mtime('../dist/telaio.bundle.mjs');
const fresh =
  bundled > 0 &&
  ['cli', 'core', 'http-adapter', 'stytch-auth', 'stytch-sandbox'].every(
    (pkg) => mtime(`../../${pkg}/dist/.tsbuildinfo`) <= bundled,
  );
// A warm `telaio validate`: the same command line's result, cached with the fingerprints of every
// file it read, is printed by a module of Node built-ins alone (dist/validate/replay-cached-result.js);
// nothing else loads. On a miss, or when the cache is off, the command runs as usual and stores it.
if (fresh && process.argv[2] === 'validate') {
  const { replayCachedResult } = await import('../dist/validate/replay-cached-result.js');
  const code = await replayCachedResult(process.argv.slice(3)).catch(() => undefined);
  if (code !== undefined) {
    process.exitCode = code;
  } else {
    await run();
  }
} else {
  await run();
}

async function run() {
  // Node 22.1+ keeps V8's compiled code of the modules it loads on disk (module.enableCompileCache):
  // the next start reads the bundle's bytecode instead of parsing and compiling it again (a cold
  // run compiles ~600 KB). Node 20 has no such cache. Off with TELAIO_NO_CACHE, and as Node's own
  // NODE_DISABLE_COMPILE_CACHE says; NODE_COMPILE_CACHE places it (default: the OS temp folder).
  if (!process.env.TELAIO_NO_CACHE) process.getBuiltinModule('node:module').enableCompileCache?.();
  // TurboFan without inlining for a cold `telaio validate`: it optimizes a few dozen functions
  // (the YAML reader's, over megabytes of sources, and the linter's) and then exits; with inlining
  // each compile takes in its callees too, and compiling came to ~400M instructions, a quarter of the
  // whole run (callgrind). Without: 1795M -> 1637M; under load 6, CPU -18%, wall -20% (alternating
  // runs); the generated 25 MB documents of bench/validate-large.js take about as long as before.
  // Not before the replay above: a warm run need not load node:v8. The young generation keeps V8's
  // own growth: growing it 16-fold at once (as telaio did) saved scavenges but touched ~3k more pages
  // of memory; without it, quiet alternating runs: wall 0.411 -> 0.377 s, page faults 12.4k -> 9.3k,
  // the 25 MB documents as before.
  if (process.argv[2] === 'validate')
    process.getBuiltinModule('node:v8').setFlagsFromString('--no-turbo-inlining');
  // Top-level help and --version need none of the libraries: the small unbundled entry starts faster.
  const light = ['--version', '-v', '--help', '-h', undefined].includes(process.argv[2]);
  const { main } = await import(fresh && !light ? '../dist/telaio.bundle.mjs' : '../dist/main.js');
  return main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`telaio: internal error: ${error?.stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
