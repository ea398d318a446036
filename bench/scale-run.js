#!/usr/bin/env node
// The CLI's run overhead per step at scale: a cold `telaio run --format json` of a 500-step
// workflow next to a 2-step one (same step shape, one loopback node:http server), alternating.
// Prints the engine's own time per step (mean of the report's durationMs; the 2-step run's includes
// the first request's connection and lazy loading) and the marginal wall per step
// ((wall500 - wall2) / 498, start-up cancelled out).
// Target (issue 19): the 500-step run's time per step within 2x of the 2-step one's.
// Usage: pnpm build && node bench/scale-run.js [rounds]
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startJsonServer } from './support/start-json-server.js';

const rounds = Number(process.argv[2] ?? process.env.BENCH_REPS ?? 7);
const BIN = fileURLToPath(new URL('../packages/cli/bin/telaio.js', import.meta.url));
const { server, base } = await startJsonServer(() => '{"id":7,"name":"rex"}');
const dir = await mkdtemp(join(tmpdir(), 'telaio-bench-scale-'));
await writeFile(
  join(dir, 'api.yml'),
  `openapi: 3.0.3
info: { title: bench, version: '1' }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object } } } } }
`,
);
/** A workflow of n steps, each reading the previous step's output. */
async function workflow(n) {
  const steps = Array.from(
    { length: n },
    (_, i) => `      - stepId: s${i}
        operationId: getPet
        parameters: [{ name: id, in: path, value: ${i === 0 ? '$inputs.id' : `$steps.s${i - 1}.outputs.id`} }]
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { id: $response.body#/id, name: $response.body#/name }
`,
  ).join('');
  const file = join(dir, `flow-${n}.arazzo.yml`);
  await writeFile(
    file,
    `arazzo: 1.0.1
info: { title: bench, version: '1' }
sourceDescriptions: [{ name: api, url: ./api.yml, type: openapi }]
workflows:
  - workflowId: chain
    inputs: { type: object, properties: { id: { type: integer } } }
    steps:
${steps}`,
  );
  return file;
}

function time(file) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      [BIN, 'run', file, '--format', 'json', '--server', `api=${base}`, '--input', 'id=7'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (status) => {
      const s = Number(process.hrtime.bigint() - started) / 1e9;
      if (status !== 0) return reject(new Error(`telaio run exited ${status}: ${out}${err}`));
      const report = JSON.parse(out);
      const engineMs = report.steps.reduce((sum, step) => sum + step.durationMs, 0) / report.steps.length;
      resolve({ s, engineMs });
    });
  });
}

try {
  const sizes = [2, 500];
  const files = Object.fromEntries(await Promise.all(sizes.map(async (n) => [n, await workflow(n)])));
  const runs = Object.fromEntries(sizes.map((n) => [n, []]));
  for (const n of sizes) await time(files[n]);
  const load = [loadavg()[0]];
  for (let i = 0; i < rounds; i++) {
    for (const n of sizes) runs[n].push(await time(files[n]));
    load.push(loadavg()[0]);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const wall = Object.fromEntries(sizes.map((n) => [n, median(runs[n].map((r) => r.s))]));
  const engine = Object.fromEntries(sizes.map((n) => [n, median(runs[n].map((r) => r.engineMs))]));
  console.log(
    `telaio run --format json on ${base}; node ${process.version}; ${rounds} alternating rounds; load average (1 min) ${Math.min(...load).toFixed(2)}-${Math.max(...load).toFixed(2)}`,
  );
  for (const n of sizes)
    console.log(
      `${String(n).padStart(4)} steps  wall median ${wall[n].toFixed(3)} s  engine time per step (report durationMs) ${engine[n].toFixed(2)} ms`,
    );
  const marginal = ((wall[500] - wall[2]) / 498) * 1000;
  const ratio = engine[500] / engine[2];
  console.log(`marginal wall per step (wall500 - wall2) / 498 = ${marginal.toFixed(2)} ms`);
  console.log(`per step, 500 / 2 = ${ratio.toFixed(2)}x (target <= 2x: ${ratio <= 2 ? 'met' : 'NOT met'})`);
} finally {
  server.close();
  await rm(dir, { recursive: true, force: true });
}
