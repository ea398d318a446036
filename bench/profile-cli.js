#!/usr/bin/env node
// Where a `telaio` command's time goes: runs it under `node --cpu-prof` and prints the profile's
// self time split by kind (garbage collector, Node's own start-up and module loading, compiling)
// and by package or file, largest first. The recipe by hand:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof packages/cli/bin/telaio.js validate --no-cache FILE...
// then open the .cpuprofile in Chrome DevTools (Performance) or pass it to this script with --file.
// Usage: pnpm build && node bench/profile-cli.js [--top N] [--file X.cpuprofile] [-- telaio ARGS]
//   default ARGS: validate --no-cache <the 24 Stytch workflows in ../shared>
//   TELAIO_NO_BUNDLE=1 profiles the unbundled modules (the split by package is then exact).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash === -1 ? argv : argv.slice(0, dash);
const topIndex = own.indexOf('--top');
const top = topIndex === -1 ? 25 : Number(own[topIndex + 1]);
const fileIndex = own.indexOf('--file');
let profileFile = fileIndex === -1 ? undefined : own[fileIndex + 1];
let args = dash === -1 ? undefined : argv.slice(dash + 1);
let tmp;
if (profileFile === undefined) {
  if (args === undefined) {
    const stytch = path.join(
      process.env.TELAIO_SHARED_DIR ?? path.resolve(repoRoot, '../shared'),
      'stytch/arazzo',
    );
    if (!existsSync(stytch)) {
      console.log(`bench/profile-cli.js: skipped, ${stytch} is absent; pass telaio's arguments after --`);
      process.exit(0);
    }
    args = [
      'validate',
      '--no-cache',
      ...readdirSync(stytch)
        .filter((f) => f.endsWith('.yml'))
        .sort()
        .map((f) => path.join(stytch, f)),
    ];
  }
  tmp = mkdtempSync(path.join(tmpdir(), 'telaio-prof-'));
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${tmp}`,
      '--cpu-prof-interval=250',
      path.join(repoRoot, 'packages/cli/bin/telaio.js'),
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  console.log(
    `telaio ${args.slice(0, 3).join(' ')}${args.length > 3 ? ' ...' : ''}: exit ${r.status}, wall ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms (profiled)`,
  );
  profileFile = path.join(
    tmp,
    readdirSync(tmp).find((f) => f.endsWith('.cpuprofile')),
  );
}

const profile = JSON.parse(readFileSync(profileFile, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** The bucket a frame's self time goes to: a kind for V8's pseudo-frames, else a package or file. */
function bucket(frame) {
  const { url, functionName } = frame.callFrame;
  if (url === '') {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8/Node native (parse, compile, start-up)';
    if (functionName === '(idle)') return 'idle (waiting: I/O, timers)';
    return `native ${functionName}`;
  }
  if (url.startsWith('node:'))
    return `node built-ins (${url.startsWith('node:internal/modules') ? 'module loader' : 'other'})`;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm !== -1) {
    const rest = url.slice(nm + 14).split('/');
    return `npm ${rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  const pkg = /\/packages\/([^/]+)\/(.*)$/.exec(url);
  if (pkg !== null) {
    if (pkg[2].startsWith('dist/telaio') || pkg[2].startsWith('dist/chunks/'))
      return `bundle ${pkg[2].replace(/^dist\//, '')}`;
    return `@telaio/${pkg[1]}`;
  }
  return url;
}

const buckets = new Map();
const functions = new Map();
for (const [id, us] of selfUs) {
  const frame = byId.get(id);
  const b = bucket(frame);
  buckets.set(b, (buckets.get(b) ?? 0) + us);
  const { functionName, url, lineNumber } = frame.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|packages)\//, '')}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
}
const print = (title, map) => {
  console.log(`\n${title} (self time; total ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`,
    );
};
print('by kind, package or file', buckets);
print('by function', functions);
if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
