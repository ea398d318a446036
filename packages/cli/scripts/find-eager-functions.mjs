// Writes eager-functions.json: the bundle's top-level functions that the common commands call at
// every start, which bundle.mjs hints to V8 for eager compilation (see hint-eager-functions.mjs).
// It runs the built CLI under V8's function log (--log-function-events) on the 2-step workflow of
// the cold-run benches (a loopback server started here): `telaio run` with an empty cache and with a
// filled one, `telaio test`, and `telaio validate --no-cache`. Each top-level function of the bundle's
// files that one of them called is listed, by name (esbuild keeps the source's names). Run it again
// after changes that rename or add much of what those commands call; a stale list costs time only.
// Usage: pnpm build && node packages/cli/scripts/find-eager-functions.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startTwoStepWorkflow } from '../../../bench/support/start-two-step-workflow.js';
import { topLevelFunctions } from './hint-eager-functions.mjs';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(cliDir, 'dist');
const bin = path.join(cliDir, 'bin', 'telaio.js');
const output = path.join(cliDir, 'scripts', 'eager-functions.json');

const files = readdirSync(dist).filter((n) => n === 'telaio.bundle.mjs' || /^telaio\.chunk-.*\.mjs$/.test(n));
if (!files.includes('telaio.bundle.mjs')) {
  console.error('find-eager-functions: build first (pnpm build)');
  process.exit(2);
}
const declared = new Map(
  files.map((n) => [
    pathToFileURL(path.join(dist, n)).href,
    topLevelFunctions(readFileSync(path.join(dist, n), 'utf8')),
  ]),
);

/**
 * Runs the CLI with V8's function log written to `log`. Asynchronously: the workflow's server
 * answers from this process's event loop.
 */
function telaioLogged(log, args) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--log-function-events', `--logfile=${log}`, '--no-logfile-per-isolate', bin, ...args],
      {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1', TELAIO_CACHE_DIR: path.join(logs, 'cache') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('close', (status) => resolve({ status, out }));
  });
}

const { server, base, dir, flow } = await startTwoStepWorkflow();
const past = new Date(Date.now() - 60_000);
for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), past, past);
const logs = mkdtempSync(path.join(tmpdir(), 'telaio-eager-'));
const called = new Set();
try {
  const scenarios = [
    ['run, empty cache', ['run', flow, '--server', `api=${base}`, '--input', 'user=ada']],
    ['run, cache filled', ['run', flow, '--server', `api=${base}`, '--input', 'user=ada']],
    ['test', ['test', flow, '--server', `api=${base}`, '--input', 'user=ada']],
    ['validate --no-cache', ['validate', '--no-cache', flow]],
  ];
  for (const [i, [label, args]] of scenarios.entries()) {
    const log = path.join(logs, `${i}.log`);
    const result = await telaioLogged(log, args);
    if (result.status !== 0) throw new Error(`${label} exited ${result.status}:\n${result.out}`);
    const scripts = new Map();
    for (const line of readFileSync(log, 'utf8').split('\n')) {
      const p = line.split(',');
      if (p[0] === 'script-details') scripts.set(p[1], p[2]);
      else if (p[0] === 'function' && p[1] === 'first-execution') {
        const names = declared.get(scripts.get(p[2]));
        const name = p.slice(7).join(',');
        if (names?.has(name)) called.add(name);
      }
    }
    console.log(`${label}: ${called.size} functions so far`);
  }
} finally {
  server.close();
  rmSync(logs, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(
  output,
  `${JSON.stringify(
    {
      about:
        'Top-level functions of the CLI bundle that run, test and validate call at every start: bundle.mjs makes V8 compile them eagerly (scripts/hint-eager-functions.mjs). Made by scripts/find-eager-functions.mjs.',
      functions: [...called].sort(),
    },
    null,
    2,
  )}\n`,
);
console.log(`${path.relative(process.cwd(), output)}: ${called.size} functions`);
