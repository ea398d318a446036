// Engine overhead per step through the in-memory transport, and heap over 10,000 runs of one
// loaded document. Run: pnpm exec tsc -b packages/core && node --expose-gc bench/engine.js [RUNS]

import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../packages/core/dist/index.js';
import { createMemoryTransport } from '../packages/core/dist/testing/index.js';

const RUNS = Number(process.argv[2] ?? 20_000);
const STEPS = 10;
const openapi = fileURLToPath(
  new URL('../packages/core/test/fixtures/engine/pets.openapi.yaml', import.meta.url),
);

// One workflow of STEPS steps, each: one path parameter from an input, one simple criterion, two outputs.
const steps = Array.from(
  { length: STEPS },
  (_, i) => `      - stepId: s${i}
        operationId: getPet
        parameters: [{ name: petId, in: path, value: $inputs.id }]
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { id: $response.body#/id, name: $response.body#/name }
`,
).join('');
const text = `arazzo: 1.0.1
info: { title: bench, version: 1.0.0 }
sourceDescriptions: [{ name: pets, url: ${JSON.stringify(openapi)}, type: openapi }]
workflows:
  - workflowId: bench
    inputs: { type: object, properties: { id: { type: string } } }
    steps:
${steps}    outputs: { name: $steps.s${STEPS - 1}.outputs.name }
`;

const answer = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: { id: 'p1', name: 'Rex', status: 'available' },
};
let handled = 0;
const transport = createMemoryTransport({
  handler: () => {
    handled++;
    return answer;
  },
  record: false,
});
const engine = createEngine({ transport, cache: false });
const document = await engine.load({
  uri: fileURLToPath(new URL('./engine-bench.arazzo.yaml', import.meta.url)),
  text,
});

const runMany = async (n) => {
  for (let i = 0; i < n; i++) {
    const r = await engine.run({ document, inputs: { id: `p${i % 100}` } });
    if (r.status !== 'success') throw new Error(`run failed: ${JSON.stringify(r.error)}`);
  }
};

// Transport alone, to separate engine overhead from the memory transport's own cost.
const request = {
  operation: {
    sourceName: 'pets',
    operationId: 'getPet',
    method: 'get',
    path: '/pets/{id}',
    pointer: '/paths/~1pets~1{id}/get',
    servers: [{ url: 'http://127.0.0.1:1' }],
    parameters: [],
    responses: {},
    security: [],
    securitySchemes: {},
  },
  parameters: [{ name: 'id', in: 'path', value: 'p1' }],
};
const signal = new AbortController().signal;
const sendMany = async (n) => {
  for (let i = 0; i < n; i++) await transport.send(request, { signal });
};

await runMany(2_000); // warm-up
await sendMany(20_000);
// The machine is shared: measure in interleaved rounds and report the median and the best round.
const ROUNDS = 7;
const perRound = Math.max(1, Math.floor(RUNS / ROUNDS));
const totals = [];
const sends = [];
for (let round = 0; round < ROUNDS; round++) {
  let t = performance.now();
  await sendMany(perRound * STEPS);
  sends.push(((performance.now() - t) * 1000) / (perRound * STEPS));
  t = performance.now();
  await runMany(perRound);
  totals.push(((performance.now() - t) * 1000) / (perRound * STEPS));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const best = (xs) => Math.min(...xs);
console.log(
  `steps measured: ${ROUNDS * perRound * STEPS} (${ROUNDS} rounds x ${perRound} runs x ${STEPS} steps; 1 simple criterion + 2 outputs + 1 path parameter each); handler calls: ${handled}`,
);
console.log(
  `per step, engine + memory transport: median ${median(totals).toFixed(2)} µs, best ${best(totals).toFixed(2)} µs`,
);
console.log(
  `per send, memory transport alone:    median ${median(sends).toFixed(2)} µs, best ${best(sends).toFixed(2)} µs`,
);
console.log(
  `per step, engine overhead (medians): ${(median(totals) - median(sends)).toFixed(2)} µs (target < 20 µs)`,
);

const gc = globalThis.gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const before = heap();
await runMany(10_000);
const after = heap();
console.log(
  `heap used before 10,000 runs: ${before.toFixed(2)} MB, after: ${after.toFixed(2)} MB (delta ${(after - before).toFixed(2)} MB)${gc ? '' : ' (no --expose-gc: numbers include garbage)'}`,
);
