// Cold `telaio run` wall time: spawn the built binary N times to run a 2-step workflow against a
// loopback node:http server, and print the median next to the target (0.3x of `redocly respect`'s
// 1.1 s on the same workflow = 0.33 s). Also times bare `node -e 0` and `telaio --version` so the
// share of Node's own start-up is visible.
// Run: pnpm build && node bench/run.js [N]   (a bare tsc -b leaves the CLI bundle stale: the
// binary then runs the unbundled modules, about 1.6x the CPU)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startTwoStepWorkflow } from './support/start-two-step-workflow.js';

const N = Number(process.argv[2] ?? 15);
const TARGET_S = 0.33;
const BIN = fileURLToPath(new URL('../packages/cli/bin/telaio.js', import.meta.url));

const { server, base, flow } = await startTwoStepWorkflow();

// GNU time gives the child's CPU time (user + sys): on a loaded machine the wall time mostly
// measures the queue for a core, the CPU time what telaio itself costs.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function time(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const [cmd, argv] =
      GNU_TIME === undefined
        ? [process.execPath, args]
        : [GNU_TIME, ['-f', 'CPU %U %S', process.execPath, ...args]];
    const child = spawn(cmd, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const cpu = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(err);
      resolve({
        ms: performance.now() - started,
        cpuMs: cpu === null ? undefined : (Number(cpu[1]) + Number(cpu[2])) * 1000,
        code,
        out: out + err,
      });
    });
  });
}

async function series(label, args) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < N; i++) {
    const r = await time(args);
    if (r.code !== 0) throw new Error(`${label} exited ${r.code}:\n${r.out}`);
    times.push(r.ms);
    if (r.cpuMs !== undefined) cpu.push(r.cpuMs);
  }
  const mid = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  times.sort((a, b) => a - b);
  const median = mid(times);
  const cpuText = cpu.length === 0 ? '' : `   CPU median ${(mid(cpu) / 1000).toFixed(3)} s`;
  console.log(
    `${label.padEnd(34)} wall median ${(median / 1000).toFixed(3)} s   min ${(times[0] / 1000).toFixed(3)} s   max ${(times.at(-1) / 1000).toFixed(3)} s${cpuText}   (n=${N})`,
  );
  return median;
}

const runArgs = [BIN, 'run', flow, '--server', `api=${base}`, '--input', 'user=ada'];
const first = await time(runArgs);
if (first.code !== 0) throw new Error(`telaio run failed:\n${first.out}`);
console.log(`first telaio run (fills the source cache) ${(first.ms / 1000).toFixed(3)} s`);
await series('node -e 0', ['-e', '0']);
await series('telaio --version', [BIN, '--version']);
const median = await series('telaio run (2 steps, loopback)', runArgs);
console.log(
  `target ≤ ${TARGET_S.toFixed(2)} s (0.3 × redocly respect's 1.1 s): ${median / 1000 <= TARGET_S ? 'met' : 'NOT met'} (${(median / 1100).toFixed(2)}x of respect)`,
);
server.close();
