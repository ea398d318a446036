#!/usr/bin/env node
// The telaio command: a thin launcher for the compiled CLI (run `pnpm build` first in a checkout).
// It prefers dist/telaio.bundle.mjs (the CLI and its libraries in one file, built by `pnpm build`:
// about a third less start-up CPU) unless a package was compiled after the bundle was made (a
// `tsc -b` alone would otherwise leave it stale); TELAIO_NO_BUNDLE=1 forces the unbundled modules.
import { statSync } from 'node:fs';

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
const { main } = await import(fresh ? '../dist/telaio.bundle.mjs' : '../dist/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`telaio: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
