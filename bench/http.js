// Requests per second through createHttpTransport next to a bare got loop sending the same
// requests over the same kind of keep-alive agent, against a loopback node:http server.
// Run: pnpm exec tsc -b packages/http-adapter && node bench/http.js [N=3000] [rounds=9]
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createHttpTransport } from '@telaio/http-adapter';
import { got } from 'got';
import { startJsonServer } from './support/start-json-server.js';

const N = Number(process.argv[2] ?? 3000);
const CONCURRENCY = [1, 16];
const ROUNDS = Number(process.argv[3] ?? 9);

const payload = JSON.stringify({ id: 'member-test-1', status: 'active', roles: ['a', 'b'] });
const { server, base } = await startJsonServer(() => payload);

const operation = {
  sourceName: 'bench',
  operationId: 'getMember',
  method: 'get',
  path: '/v1/members/{member_id}',
  pointer: '/paths/~1v1~1members~1{member_id}/get',
  servers: [{ url: base }],
  parameters: [
    { name: 'member_id', in: 'path', required: true, schema: { type: 'string' } },
    { name: 'expand', in: 'query', schema: { type: 'string' } },
  ],
  responses: {},
  security: [],
  securitySchemes: {},
};
const request = {
  operation,
  parameters: [
    { name: 'member_id', in: 'path', value: 'member-test-1' },
    { name: 'expand', in: 'query', value: 'roles' },
  ],
};
const context = { signal: new AbortController().signal };

const agent = new http.Agent({ keepAlive: true });
const transport = createHttpTransport({ agents: { http: agent } });
const bare = got.extend({
  agent: { http: agent },
  timeout: { connect: 10_000, request: 30_000 },
  retry: { limit: 0 },
  throwHttpErrors: false,
  followRedirect: false,
  responseType: 'buffer',
});

const viaTransport = async () => {
  const response = await transport.send(request, context);
  if (response.statusCode !== 200 || response.body.id !== 'member-test-1')
    throw new Error('bad transport response');
};
const viaGot = async () => {
  const response = await bare(`${base}/v1/members/member-test-1?expand=roles`, {
    headers: { 'user-agent': 'telaio/0.1.0' },
  });
  const body = JSON.parse(response.body.toString('utf8'));
  if (response.statusCode !== 200 || body.id !== 'member-test-1') throw new Error('bad got response');
};

/** Sends N requests with `concurrency` workers; returns wall-clock and CPU-time requests/second. */
async function run(send, concurrency) {
  let next = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (next < N) {
      next += 1;
      await send();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return { wall: N / ((performance.now() - start) / 1000), cpu: N / ((used.user + used.system) / 1e6) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const concurrency of CONCURRENCY) {
  await run(viaGot, concurrency); // warm-up
  await run(viaTransport, concurrency);
  const bare = [];
  const telaio = [];
  // interleave rounds, alternating which goes first, so load from other processes on a shared
  // machine hits both alike
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      bare.push(await run(viaGot, concurrency));
      telaio.push(await run(viaTransport, concurrency));
    } else {
      telaio.push(await run(viaTransport, concurrency));
      bare.push(await run(viaGot, concurrency));
    }
  }
  const g = {
    wall: median(bare.map((r) => r.wall)),
    best: Math.max(...bare.map((r) => r.wall)),
    cpu: median(bare.map((r) => r.cpu)),
  };
  const t = {
    wall: median(telaio.map((r) => r.wall)),
    best: Math.max(...telaio.map((r) => r.wall)),
    cpu: median(telaio.map((r) => r.cpu)),
  };
  console.log(
    `concurrency ${String(concurrency).padStart(2)} (N=${N}, ${ROUNDS} rounds, medians): ` +
      `bare got ${g.wall.toFixed(0)} req/s, telaio ${t.wall.toFixed(0)} req/s, ratio ${(t.wall / g.wall).toFixed(2)}x | ` +
      `best ${g.best.toFixed(0)} vs ${t.best.toFixed(0)} (${(t.best / g.best).toFixed(2)}x) | ` +
      `per CPU-second ${g.cpu.toFixed(0)} vs ${t.cpu.toFixed(0)} (${(t.cpu / g.cpu).toFixed(2)}x)`,
  );
}

transport.close();
agent.destroy();
server.close();
