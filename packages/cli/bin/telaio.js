#!/usr/bin/env node
// The telaio command: a thin launcher for the compiled CLI (run `pnpm build` first in a checkout).
import { main } from '../dist/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`telaio: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
