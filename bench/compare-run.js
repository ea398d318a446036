#!/usr/bin/env node
// A cold `telaio run` of a 2-step workflow next to `redocly respect` (Redocly CLI, installed on
// first use by bench/install-peer.js) of the same workflow against the same loopback server
// (node:http on 127.0.0.1, started by this script). One alternating run: each round times, in turn,
// `node -e 0`, telaio run and redocly respect (starting with a different one each round), so load
// from other processes falls on all alike. The ratio is printed as the ratio of the medians and as
// the median [quartiles] of the per-round ratios.
// Target (issue 19): telaio run <= 0.25x redocly respect. telaio runs as a workflow run again does
// (its parsed-source and lint caches filled by a first call), and once more per round with
// TELAIO_NO_CACHE=1 (everything parsed and linted), printed as its own ratio.
// Usage: pnpm build && node bench/compare-run.js [rounds]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm, utimes } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PEER_VERSION, peerCli } from './install-peer.js';
import { formatRatio, median, quantile } from './support/compare-sides.js';
import { describeNodeStart } from './support/describe-node-start.js';
import { startTwoStepWorkflow } from './support/start-two-step-workflow.js';

const rounds = Number(process.argv[2] ?? process.env.BENCH_REPS ?? 15);
const BIN = fileURLToPath(new URL('../packages/cli/bin/telaio.js', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../packages/cli/dist/main.js', import.meta.url)))) {
  console.error('bench/compare-run.js: build first (pnpm build)');
  process.exit(2);
}
const redocly = peerCli();

const { server, base, dir, flow } = await startTwoStepWorkflow();

// GNU time adds each child's CPU time (user + system): on a loaded machine wall time also measures
// the wait for a core, CPU time what the command itself costs.
const GNU_TIME = existsSync('/usr/bin/time') && !process.env.BENCH_NO_GNU_TIME ? '/usr/bin/time' : undefined;
const cpuOf = (stderr) => {
  const m = /@@cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  return m === null ? Number.NaN : Number(m[1]) + Number(m[2]);
};

/** One timed spawn of node with args and extra env (asynchronous: the server lives in this process). */
function time([args, env = {}]) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const [command, argv] =
      GNU_TIME === undefined
        ? [process.execPath, args]
        : [GNU_TIME, ['-f', '@@cpu %U %S', process.execPath, ...args]];
    const child = spawn(command, argv, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NO_COLOR: '1',
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
        ...env,
      },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        s: Number(process.hrtime.bigint() - started) / 1e9,
        cpu: cpuOf(err),
        status,
        out: out + err,
      }),
    );
  });
}

// Files dated a minute ago, as a workflow run again is: telaio trusts a cached lint result only for
// files unchanged for two seconds. `telaio run` keeps parsed sources and lint findings in its cache
// (filled by the first call below); `no cache` is the same run with TELAIO_NO_CACHE=1, linting and
// parsing everything every time.
const past = new Date(Date.now() - 60_000);
for (const name of await readdir(dir)) await utimes(path.join(dir, name), past, past);
const cacheDir = path.join(dir, 'telaio-cache');
const runArgs = [BIN, 'run', flow, '--server', `api=${base}`, '--input', 'user=ada'];
const scenarios = {
  'node -e 0': [['-e', '0']],
  'telaio run': [runArgs, { TELAIO_CACHE_DIR: cacheDir }],
  'telaio, no cache': [runArgs, { TELAIO_NO_CACHE: '1' }],
  'redocly respect': [[redocly, 'respect', flow, '--server', `api=${base}`, '--input', 'user=ada']],
};
try {
  for (const [name, args] of Object.entries(scenarios)) {
    const r = await time(args);
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}:\n${r.out}`);
  }
  const load = [loadavg()[0]];
  const times = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
  const cpus = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
  // Each round runs every command once, starting one further along the list each time, so that no
  // command always follows the same one (a command run right after another may find the caches of
  // the machine warmer or colder).
  const entries = Object.entries(scenarios);
  for (let i = 0; i < rounds; i++) {
    for (const [name, args] of [
      ...entries.slice(i % entries.length),
      ...entries.slice(0, i % entries.length),
    ]) {
      const r = await time(args);
      times[name].push(r.s);
      cpus[name].push(r.cpu);
    }
    load.push(loadavg()[0]);
  }
  const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  console.log(
    `2-step workflow on ${base}; @redocly/cli ${PEER_VERSION}; node ${process.version}; ${rounds} alternating rounds; load average (1 min) ${Math.min(...load).toFixed(2)}-${Math.max(...load).toFixed(2)}`,
  );
  const nodeStart = describeNodeStart();
  if (nodeStart !== undefined) console.log(nodeStart);
  for (const [name, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `${name.padEnd(18)} median ${med[name].toFixed(3)} s  min ${sorted[0].toFixed(3)} s  max ${sorted.at(-1).toFixed(3)} s  cpu median ${median(cpus[name]).toFixed(3)} s  (${(med[name] / med['node -e 0']).toFixed(2)}x node -e 0)`,
    );
  }
  // What telaio adds to Node's own start, and what the 0.25x target leaves for it.
  const cpuMed = Object.fromEntries(Object.entries(cpus).map(([k, v]) => [k, median(v)]));
  console.log(
    `telaio run above node -e 0: ${(med['telaio run'] - med['node -e 0']).toFixed(3)} s wall, ${(cpuMed['telaio run'] - cpuMed['node -e 0']).toFixed(3)} s cpu; 0.25x redocly respect leaves ${(0.25 * med['redocly respect'] - med['node -e 0']).toFixed(3)} s wall above node -e 0`,
  );
  // Two statistics of telaio / redocly respect: the ratio of the two medians, and the median (with
  // quartiles) of the per-round ratios, each of two runs a second apart, which carries less of the
  // machine's drift between rounds (as bench/http.js and bench/messages.js report).
  const paired = (side, list) => {
    const r = list[side].map((t, i) => t / list['redocly respect'][i]);
    return formatRatio({ median: median(r), q1: quantile(r, 0.25), q3: quantile(r, 0.75) });
  };
  const ratio = med['telaio run'] / med['redocly respect'];
  console.log(
    `cold run: telaio / redocly respect = ${ratio.toFixed(2)}x wall (target <= 0.25x: ${ratio <= 0.25 ? 'met' : 'NOT met'}), ${(median(cpus['telaio run']) / median(cpus['redocly respect'])).toFixed(2)}x cpu; paired rounds ${paired('telaio run', times)} wall, ${paired('telaio run', cpus)} cpu`,
  );
  console.log(
    `without its caches (TELAIO_NO_CACHE=1): ${(med['telaio, no cache'] / med['redocly respect']).toFixed(2)}x wall, ${(median(cpus['telaio, no cache']) / median(cpus['redocly respect'])).toFixed(2)}x cpu; paired rounds ${paired('telaio, no cache', times)} wall, ${paired('telaio, no cache', cpus)} cpu`,
  );
} finally {
  server.close();
  await rm(dir, { recursive: true, force: true });
}
