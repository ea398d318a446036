// Requests per second through createHttpTransport next to a bare got loop sending the same
// requests over the same kind of keep-alive agent, against a loopback node:http server.
// Rounds are paired (bench/support/compare-sides.js): the ratio printed is the median of the per-round
// ratios, with its quartiles.
// Run: pnpm build && node bench/http.js [N per round=1000] [rounds=31]
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createHttpTransport } from '@telaio/http-adapter';
import { got } from 'got';
import { compareSides, formatRatio } from './support/compare-sides.js';
import { startJsonServer } from './support/start-json-server.js';

const N = Number(process.argv[2] ?? 1000);
const CONCURRENCY = [1, 16];
const ROUNDS = Number(process.argv[3] ?? 31);

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

for (const concurrency of CONCURRENCY) {
  await run(viaGot, concurrency); // warm-up
  await run(viaTransport, concurrency);
  const r = await compareSides({
    rounds: ROUNDS,
    bare: () => run(viaGot, concurrency),
    telaio: () => run(viaTransport, concurrency),
  });
  console.log(
    `concurrency ${String(concurrency).padStart(2)} (N=${N} per round, ${ROUNDS} paired rounds): ` +
      `bare got ${r.bare.wall.toFixed(0)} req/s, telaio ${r.telaio.wall.toFixed(0)} req/s (medians) | ` +
      `ratio per round ${formatRatio(r.wall)} | per CPU-second ${formatRatio(r.cpu)}`,
  );
}
console.log('median [quartiles] of the per-round ratios telaio/bare; target: at least 0.9x');

transport.close();
agent.destroy();
server.close();
