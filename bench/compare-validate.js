#!/usr/bin/env node
// `telaio validate` next to `redocly lint` (Redocly CLI, installed on first use by
// bench/install-peer.js) on the 24 published Stytch workflows, with both Stytch OpenAPI sources
// (telaio resolves them; redocly lint does not). One alternating run: each round times, in turn,
// `node -e 0`, telaio cold (`--no-cache`), redocly lint and telaio warm (a filled cache dir), so
// load from other processes falls on all of them alike. Prints medians, ratios and the load.
// Targets (issue 19): cold <= 0.7x redocly lint; warm <= 0.2 s and <= 2x `node -e 0`.
// Usage: pnpm build && node bench/compare-validate.js [rounds]   (needs ../shared/stytch)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEER_VERSION, peerCli } from './install-peer.js';
import { describeNodeStart } from './support/describe-node-start.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.TELAIO_SHARED_DIR ?? path.resolve(repoRoot, '../shared');
const stytchDir = path.join(shared, 'stytch/arazzo');
if (!existsSync(stytchDir)) {
  console.log(`bench/compare-validate.js: skipped, ${stytchDir} is absent (the Stytch corpus in ../shared)`);
  process.exit(0);
}
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
if (!existsSync(path.join(repoRoot, 'packages/cli/dist/main.js'))) {
  console.error('bench/compare-validate.js: build first (pnpm build)');
  process.exit(2);
}
const rounds = Number(process.argv[2] ?? process.env.BENCH_REPS ?? 15);
const files = readdirSync(stytchDir)
  .filter((f) => f.endsWith('.yml'))
  .sort()
  .map((f) => path.join(stytchDir, f));
const redocly = peerCli();
const cacheDir = mkdtempSync(path.join(tmpdir(), 'telaio-bench-cache-'));

// GNU time adds each child's CPU time (user + system): on a loaded machine wall time also measures
// the wait for a core, CPU time what the command itself costs.
const GNU_TIME = existsSync('/usr/bin/time') && !process.env.BENCH_NO_GNU_TIME ? '/usr/bin/time' : undefined;
const cpuOf = (stderr) => {
  const m = /@@cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  return m === null ? Number.NaN : Number(m[1]) + Number(m[2]);
};

/** One timed spawn of node with args: wall seconds, exit status and output. */
function time(args) {
  const started = process.hrtime.bigint();
  const [command, argv] =
    GNU_TIME === undefined
      ? [process.execPath, args]
      : [GNU_TIME, ['-f', '@@cpu %U %S', process.execPath, ...args]];
  const r = spawnSync(command, argv, {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  return {
    s: Number(process.hrtime.bigint() - started) / 1e9,
    cpu: cpuOf(r.stderr),
    status: r.status,
    out: `${r.stdout}${r.stderr}`,
  };
}

const scenarios = {
  'node -e 0': ['-e', '0'],
  'telaio validate --no-cache': [bin, 'validate', '--no-cache', ...files],
  'redocly lint': [redocly, 'lint', ...files],
  'telaio validate (warm cache)': [bin, 'validate', '--cache-dir', cacheDir, ...files],
};
// Check each once (and fill the cache): a failing command would time nothing useful.
for (const [name, args] of Object.entries(scenarios)) {
  const r = time(args);
  if (r.status !== 0) {
    console.error(`${name} exited ${r.status}:\n${r.out}`);
    process.exit(1);
  }
}
const load = [loadavg()[0]];
const times = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
const cpus = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) {
  for (const [name, args] of Object.entries(scenarios)) {
    const r = time(args);
    times[name].push(r.s);
    cpus[name].push(r.cpu);
  }
  load.push(loadavg()[0]);
}
rmSync(cacheDir, { recursive: true, force: true });

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
console.log(
  `${files.length} Stytch workflows, both OpenAPI sources; @redocly/cli ${PEER_VERSION}; node ${process.version}; ${rounds} alternating rounds; load average (1 min) ${Math.min(...load).toFixed(2)}-${Math.max(...load).toFixed(2)}`,
);
const nodeStart = describeNodeStart();
if (nodeStart !== undefined) console.log(nodeStart);
for (const [name, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(30)} median ${med[name].toFixed(3)} s  min ${sorted[0].toFixed(3)} s  max ${sorted.at(-1).toFixed(3)} s  cpu median ${median(cpus[name]).toFixed(3)} s  (${(med[name] / med['node -e 0']).toFixed(2)}x node -e 0)`,
  );
}
const cold = med['telaio validate --no-cache'] / med['redocly lint'];
const warm = med['telaio validate (warm cache)'];
const warmX = warm / med['node -e 0'];
const cpu = (name) => median(cpus[name]);
console.log(
  `cold: telaio / redocly lint = ${cold.toFixed(2)}x wall (target <= 0.7x: ${cold <= 0.7 ? 'met' : 'NOT met'}), ${(cpu('telaio validate --no-cache') / cpu('redocly lint')).toFixed(2)}x cpu`,
);
console.log(
  `warm: ${warm.toFixed(3)} s (target <= 0.2 s: ${warm <= 0.2 ? 'met' : 'NOT met'}), ${warmX.toFixed(2)}x node -e 0 (target <= 2x: ${warmX <= 2 ? 'met' : 'NOT met'}); cpu ${(cpu('telaio validate (warm cache)') / cpu('node -e 0')).toFixed(2)}x node -e 0's`,
);
