// Durable runs (@telaio/dbos on PostgreSQL, `telaio worker` processes) against the in-process
// engine on the same loopback API: runs per second at 1, 2 and 4 workers, and the latency a step
// adds when it is a checkpointed DBOS step: single runs of a 1-step and a 5-step workflow, each
// run's own duration as the engine measured it (in the worker for durable runs, so queue dispatch
// is left out), (durable 5 − durable 1) − (in-process 5 − in-process 1), over 4 steps. Also the
// time from submit to result of a single durable run (queue polling included). Prints `node -e 0`
// for scale.
// Needs PostgreSQL: TELAIO_DATABASE_URL (source .ci/services/postgresql.sh for a throw-away one);
// without it prints one line saying so and exits 0. Run: pnpm build && node bench/durable.js [RUNS]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startJsonServer } from './support/start-json-server.js';

const databaseUrl = process.env.TELAIO_DATABASE_URL;
if (databaseUrl === undefined || databaseUrl === '') {
  console.log(
    'bench/durable.js skipped: TELAIO_DATABASE_URL is not set (no PostgreSQL; `source .ci/services/postgresql.sh` starts a throw-away one)',
  );
  process.exit(0);
}
const { createEngine } = await import('@telaio/core');
const { createHttpTransport } = await import('@telaio/http-adapter');
const { createDurableClient } = await import('../packages/dbos/dist/index.js');

const RUNS = Number(process.argv[2] ?? 300);
const PER_WORKER = 50;
const LATENCY_RUNS = 15;
const BIN = fileURLToPath(new URL('../packages/cli/bin/telaio.js', import.meta.url));
const key = randomBytes(32).toString('hex');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const nodeStart = median(
  Array.from({ length: 5 }, () => {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - t;
  }),
);

const { server, base: api } = await startJsonServer(() => '{"ok":true}');

const dir = await mkdtemp(join(tmpdir(), 'telaio-bench-durable-'));
await writeFile(
  join(dir, 'api.yml'),
  `openapi: 3.0.3
info: { title: bench, version: '1' }
servers: [{ url: 'http://127.0.0.1:9' }]
paths:
  /step:
    post:
      operationId: step
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '200': { description: ok } }
`,
);
const steps = (n) =>
  Array.from(
    { length: n },
    (_, i) => `      - stepId: s${i + 1}
        operationId: step
        requestBody: { contentType: application/json, payload: { n: ${i + 1} } }
        successCriteria: [{ condition: $statusCode == 200 }]`,
  ).join('\n');
await writeFile(
  join(dir, 'flow.arazzo.yml'),
  `arazzo: 1.0.1
info: { title: bench, version: '1' }
sourceDescriptions: [{ name: api, url: ./api.yml, type: openapi }]
workflows:
  - workflowId: one
    steps:
${steps(1)}
  - workflowId: five
    steps:
${steps(5)}
`,
);
const document = join(dir, 'flow.arazzo.yml');

// In-process: the same engine a worker builds (HTTP adapter), in this process.
const transport = createHttpTransport({});
const engine = createEngine({ transport, servers: { api }, cache: false });
const loaded = await engine.load(document);
const inProcessLatency = async (workflowId) => {
  const times = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const r = await engine.run({ document: loaded, workflowId });
    if (r.status !== 'success') throw new Error(`in-process run failed: ${r.error?.code}`);
    times.push(r.durationMs);
  }
  return median(times);
};
const inOne = await inProcessLatency('one');
const inFive = await inProcessLatency('five');
let t = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: PER_WORKER }, async () => {
    while (next < RUNS) {
      next += 1;
      await engine.run({ document: loaded, workflowId: 'five' });
    }
  }),
);
const inRate = RUNS / ((performance.now() - t) / 1000);

// Durable: `telaio worker` processes on the database, runs submitted and followed by a client.
const env = { ...process.env, TELAIO_DATABASE_URL: databaseUrl, TELAIO_JOURNAL_KEY: key };
const client = await createDurableClient({ databaseUrl, journalKey: Buffer.from(key, 'hex') });
const request = (workflowId) => ({ document, workflowId, servers: { api } });
const startWorkers = async (count) => {
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, [BIN, 'worker', '--concurrency', String(PER_WORKER), '--quiet'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve, reject) => {
          w.stdout.on('data', (chunk) => (String(chunk).includes(' ready ') ? resolve() : undefined));
          w.on('exit', (code) => reject(new Error(`a worker exited (${code}) before it was ready`)));
        }),
    ),
  );
  return async () => {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(
      workers.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve() : w.on('exit', resolve)))),
    );
  };
};
const durableLatency = async (workflowId) => {
  const inWorker = [];
  const endToEnd = [];
  for (let i = 0; i < LATENCY_RUNS; i++) {
    const start = performance.now();
    const runId = await client.submit(request(workflowId));
    const [r] = await client.waitAll([runId], { pollingIntervalMs: 5 });
    if (r.status !== 'success') throw new Error(`durable run failed: ${r.error?.code}`);
    endToEnd.push(performance.now() - start);
    inWorker.push(r.durationMs);
  }
  return { inWorker: median(inWorker), endToEnd: median(endToEnd) };
};
const rates = [];
let dOne;
let dFive;
for (const count of [1, 2, 4]) {
  const stop = await startWorkers(count);
  if (count === 1) {
    dOne = await durableLatency('one');
    dFive = await durableLatency('five');
  }
  t = performance.now();
  const ids = [];
  for (let i = 0; i < RUNS; i++) ids.push(await client.submit(request('five')));
  const results = await client.waitAll(ids, { pollingIntervalMs: 50 });
  const rate = RUNS / ((performance.now() - t) / 1000);
  const failed = results.filter((r) => r.status !== 'success').length;
  rates.push([count, rate, failed]);
  await stop();
}
await client.close();
transport.close();
server.close();

const perStep = (dFive.inWorker - dOne.inWorker - (inFive - inOne)) / 4;
console.log(
  `node -e 0 (Node start-up, for scale)         ${ms(nodeStart)} (load average ${loadavg()[0].toFixed(1)})`,
);
console.log(`${RUNS} runs of a 5-step workflow against a loopback API, ${PER_WORKER} at a time per process:`);
console.log(`  in-process engine (one process)            ${inRate.toFixed(0)} runs/s`);
for (const [count, rate, failed] of rates)
  console.log(
    `  durable, ${count} worker${count === 1 ? ' ' : 's'}                          ${rate.toFixed(0)} runs/s (${(rate / inRate).toFixed(2)}x in-process)${failed === 0 ? '' : `, ${failed} FAILED`}`,
  );
console.log(`single runs (median of ${LATENCY_RUNS}), the run's duration as its engine measured it:`);
console.log(`  in-process  1 step ${ms(inOne)}, 5 steps ${ms(inFive)}`);
console.log(`  durable     1 step ${ms(dOne.inWorker)}, 5 steps ${ms(dFive.inWorker)} (in the worker)`);
console.log(
  `  durable, submit to result: 1 step ${ms(dOne.endToEnd)}, 5 steps ${ms(dFive.endToEnd)} (queue polling, 200 ms, included)`,
);
console.log(
  `  added latency per step, durable - in-process: ${ms(perStep)} (${(perStep / nodeStart).toFixed(2)}x node -e 0)`,
);
