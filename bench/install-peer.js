#!/usr/bin/env node
// The peer the comparison benches measure telaio against: Redocly CLI (`redocly lint` for
// validation, `redocly respect` for runs), installed with npm on first use into bench/.peers/
// (ignored by git), pinned so figures compare across runs. `node bench/install-peer.js` installs it
// and prints the path of its entry; the compare-* benches import peerCli() from here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Redocly CLI version the benches install (`npm view @redocly/cli version` when this was written). */
export const PEER_VERSION = process.env.BENCH_REDOCLY_VERSION ?? '2.77.0';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

/** The folder the peer is installed into. */
export const peerDir = path.join(benchDir, '.peers', `redocly-cli-${PEER_VERSION}`);

/** Installs Redocly CLI when absent and returns the path of its JavaScript entry (run it with node). */
export function peerCli() {
  const pkgDir = path.join(peerDir, 'node_modules', '@redocly', 'cli');
  const pkgFile = path.join(pkgDir, 'package.json');
  if (!existsSync(pkgFile)) {
    mkdirSync(peerDir, { recursive: true });
    process.stderr.write(`installing @redocly/cli@${PEER_VERSION} into ${peerDir} (first use)...\n`);
    const r = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        peerDir,
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `@redocly/cli@${PEER_VERSION}`,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.status !== 0 || !existsSync(pkgFile))
      throw new Error(`npm install @redocly/cli@${PEER_VERSION} failed`);
  }
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin.redocly ?? Object.values(pkg.bin)[0]);
  return path.join(pkgDir, bin);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(peerCli());
