#!/usr/bin/env node
// The telaio command: a thin launcher for the compiled CLI (run `pnpm build` first in a checkout).
// It prefers dist/telaio.bundle.cjs (the CLI and its libraries in one file, built by `pnpm build`)
// unless a package was compiled after the bundle was made (a `tsc -b` alone would leave it stale);
// TELAIO_NO_BUNDLE=1 forces the unbundled modules. The bundle is compiled through vm.Script with a
// V8 code cache kept beside it (dist/telaio.bundle.v8cache, written after the first run when the
// directory is writable), since Node 20 has no module compile cache: each later start skips
// parsing and compiling what the earlier run compiled.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const mtime = (relative) => {
  try {
    return statSync(new URL(relative, import.meta.url)).mtimeMs;
  } catch {
    return 0;
  }
};

/**
 * The bundle's main(), compiled with the code cache when one matches this exact bundle file. The
 * cache is rewritten (holding what this run compiled too) the first time each command runs with
 * it, so `validate` and `run` both start from code compiled on an earlier start.
 */
function loadBundle(command) {
  const filename = fileURLToPath(new URL('../dist/telaio.bundle.cjs', import.meta.url));
  const source = readFileSync(filename, 'utf8');
  const { size, mtimeMs } = statSync(filename);
  // V8 checks a cache's V8 version, flags and source length, not its content: the key adds mtime.
  const key = `telaio-v8cache ${process.version} ${size} ${mtimeMs}`;
  const cacheFile = fileURLToPath(new URL('../dist/telaio.bundle.v8cache', import.meta.url));
  let cachedData;
  let commands = [];
  try {
    const cache = readFileSync(cacheFile);
    const newline = cache.indexOf(10);
    const [header, ...seen] = cache.subarray(0, newline).toString().split(' commands=');
    if (header === key) {
      cachedData = cache.subarray(newline + 1);
      commands = seen.join('').split(',');
    }
  } catch {
    // no cache yet
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  // The bundle holds no import(): a script compiled from a code cache cannot use one in Node 20.
  const script = new vm.Script(wrapped, { filename, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
  const saveCache = () => {
    const rejected = cachedData === undefined || script.cachedDataRejected;
    if (!rejected && commands.includes(command)) return;
    const header = `${key} commands=${[...(rejected ? [] : commands), command].join(',')}\n`;
    try {
      const temporary = `${cacheFile}.${process.pid}`;
      writeFileSync(temporary, Buffer.concat([Buffer.from(header), script.createCachedData()]));
      renameSync(temporary, cacheFile);
    } catch {
      // a read-only install: start without the cache
    }
  };
  return { main: module.exports.main, saveCache };
}

const bundled = process.env.TELAIO_NO_BUNDLE ? 0 : mtime('../dist/telaio.bundle.cjs');
const fresh =
  bundled > 0 &&
  ['cli', 'core', 'http-adapter', 'stytch-auth', 'stytch-sandbox'].every(
    (pkg) => mtime(`../../${pkg}/dist/.tsbuildinfo`) <= bundled,
  );
const command = /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
const { main, saveCache } = fresh ? loadBundle(command) : await import('../dist/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    saveCache?.();
  },
  (error) => {
    process.stderr.write(`telaio: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
