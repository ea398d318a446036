// Cost of the implicit response checks (status, content type, body schema) per step: the same
// workflow run through the in-memory transport with and without `responseChecks`, and the first
// check's cost (OpenAPI file read, ajv loaded, schema compiled: once per checker).
// Run: pnpm exec tsc -b packages/core && node bench/checks.js [RUNS]

import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine, createResponseChecker } from '../packages/core/dist/index.js';
import { createMemoryTransport } from '../packages/core/dist/testing/index.js';

const RUNS = Number(process.argv[2] ?? 5_000);
const openapi = fileURLToPath(
  new URL('../packages/cli/test/fixtures/test-command/pets.openapi.yaml', import.meta.url),
);
const text = `arazzo: 1.0.1
info: { title: bench, version: 1.0.0 }
sourceDescriptions: [{ name: pets, url: ${JSON.stringify(openapi)}, type: openapi }]
workflows:
  - workflowId: bench
    steps:
      - stepId: list
        operationId: listPets
        successCriteria: [{ condition: $statusCode == 200 }]
`;
// 20 pets per answer: the schema check walks every item.
const pets = Array.from({ length: 20 }, (_, i) => ({ id: i, name: `pet ${i}`, tag: i % 2 ? 'dog' : null }));
const transport = createMemoryTransport({
  handler: () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: pets }),
  record: false,
});
const uri = fileURLToPath(new URL('./checks-bench.arazzo.yaml', import.meta.url));

async function engineWith(checks) {
  const engine = createEngine({
    transport,
    cache: false,
    ...(checks ? { responseChecks: createResponseChecker() } : {}),
  });
  return { engine, document: await engine.load({ uri, text }) };
}

async function runMany({ engine, document }, n) {
  for (let i = 0; i < n; i++) {
    const r = await engine.run({ document });
    if (r.status !== 'success') throw new Error(`run failed: ${JSON.stringify(r.error)}`);
  }
}

const plain = await engineWith(false);
const checked = await engineWith(true);
let t = performance.now();
await runMany(plain, 1);
const firstPlain = performance.now() - t;
t = performance.now();
await runMany(checked, 1);
const first = performance.now() - t;
await runMany(plain, 500);
await runMany(checked, 500);
const ROUNDS = 7;
const per = Math.max(1, Math.floor(RUNS / ROUNDS));
const without = [];
const withChecks = [];
for (let round = 0; round < ROUNDS; round++) {
  t = performance.now();
  await runMany(plain, per);
  without.push(((performance.now() - t) * 1000) / per);
  t = performance.now();
  await runMany(checked, per);
  withChecks.push(((performance.now() - t) * 1000) / per);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`steps per variant: ${ROUNDS * per} (one step, a 20-item JSON array checked against its schema)`);
console.log(
  `first step without checks: ${firstPlain.toFixed(1)} ms; first checked step (read the OpenAPI, load ajv, compile): ${first.toFixed(1)} ms`,
);
console.log(`per step without checks: ${median(without).toFixed(1)} µs (median of ${ROUNDS} rounds)`);
console.log(`per step with checks:    ${median(withChecks).toFixed(1)} µs (median of ${ROUNDS} rounds)`);
console.log(`checks add:              ${(median(withChecks) - median(without)).toFixed(1)} µs per step`);
