#!/usr/bin/env node
// Benchmark of `telaio validate` on the 24 Stytch workflows (both full Stytch OpenAPI files resolved).
// Spawns the BUILT binary (run `pnpm build` first), as a user or a pre-commit hook would:
//   cold, --no-cache          nothing read or written
//   cold, empty cache dir     parses every source and writes the cache
//   warm, filled cache dir    reads parsed sources from the content-hash cache
// Prints wall time (median, min), CPU time (user+system, median: what the run costs on a busy
// machine, where wall time mostly measures waiting for a core) and peak RSS per scenario. Usage: node bench/validate.js [reps]
// Targets (issue 2): cold < 0.6 s, warm < 0.35 s on a 2-core machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const stytchDir = path.resolve(repoRoot, '../shared/stytch/arazzo');
const files = readdirSync(stytchDir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => path.join(stytchDir, f));
const reps = Number(process.argv[2] ?? process.env.BENCH_REPS ?? 7);
const gnuTime = existsSync('/usr/bin/time') && !process.env.BENCH_NO_GNU_TIME ? '/usr/bin/time' : undefined;
// Without GNU time, a preload reports the child's own peak RSS (process.resourceUsage) on exit.
const rssProbe = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n@@maxrss '+u.maxRSS+' @@cpu '+(u.userCPUTime+u.systemCPUTime)/1e6+'\\n')})`;

if (!existsSync(path.join(repoRoot, 'packages/cli/dist/main.js'))) {
  console.error('bench/validate.js: build first (pnpm build)');
  process.exit(2);
}

/** One run: wall seconds, peak RSS in MB, exit code. */
function runOnce(args) {
  const command = gnuTime === undefined ? process.execPath : gnuTime;
  const argv =
    gnuTime === undefined
      ? [`--import=${rssProbe}`, bin, 'validate', ...args, ...files]
      : ['-v', process.execPath, bin, 'validate', ...args, ...files];
  const started = process.hrtime.bigint();
  const r = spawnSync(command, argv, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const match =
    gnuTime === undefined
      ? /@@maxrss (\d+)/.exec(r.stderr)
      : /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const probeCpu = /@@cpu ([\d.]+)/.exec(r.stderr);
  const cpu = gnuTime === undefined ? Number(probeCpu?.[1]) : Number(user?.[1]) + Number(system?.[1]);
  return {
    wall,
    cpu,
    rssMb: match === null ? Number.NaN : Number(match[1]) / 1024,
    status: r.status,
    stdout: r.stdout,
  };
}

function summarize(name, runs, target) {
  const walls = runs.map((r) => r.wall).sort((a, b) => a - b);
  const median = walls[Math.floor(walls.length / 2)];
  const peak = Math.max(...runs.map((r) => r.rssMb));
  const cpus = runs.map((r) => r.cpu).sort((a, b) => a - b);
  const cpu = cpus[Math.floor(cpus.length / 2)];
  const verdict = median < target ? 'ok' : 'MISSES';
  console.log(
    `${name.padEnd(28)} median ${median.toFixed(3)} s  min ${walls[0].toFixed(3)} s  cpu ${cpu.toFixed(2)} s  peak RSS ${peak.toFixed(0)} MB  (target < ${target} s: ${verdict})`,
  );
  return { name, median, min: walls[0], cpuMedian: cpu, peakRssMb: peak, target };
}

const cacheDir = mkdtempSync(path.join(tmpdir(), 'telaio-bench-cache-'));
const check = runOnce(['--no-cache']);
if (check.status !== 0) {
  console.error(`telaio validate exited ${check.status} on the Stytch files:\n${check.stdout}`);
  process.exit(1);
}
console.log(
  `telaio validate: ${files.length} Stytch workflows, ${reps} runs each, ${gnuTime ? 'RSS by /usr/bin/time -v' : 'RSS by process.resourceUsage'}`,
);
const results = [];
results.push(
  summarize(
    'cold, --no-cache',
    Array.from({ length: reps }, () => runOnce(['--no-cache'])),
    0.6,
  ),
);
results.push(
  summarize(
    'cold, emptied cache dir',
    Array.from({ length: reps }, () => {
      rmSync(cacheDir, { recursive: true, force: true });
      return runOnce(['--cache-dir', cacheDir]);
    }),
    0.6,
  ),
);
runOnce(['--cache-dir', cacheDir]);
results.push(
  summarize(
    'warm, filled cache dir',
    Array.from({ length: reps }, () => runOnce(['--cache-dir', cacheDir])),
    0.35,
  ),
);
rmSync(cacheDir, { recursive: true, force: true });
if (process.env.BENCH_JSON) console.log(JSON.stringify(results));
