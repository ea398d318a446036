// Requests per second through createHttpTransport next to a bare got loop sending the same
// requests over the same kind of keep-alive agent, against a loopback node:http server.
// Run: pnpm exec tsc -b packages/http-adapter && node bench/http.js [N]
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createHttpTransport } from '@telaio/http-adapter';
import { got } from 'got';

const N = Number(process.argv[2] ?? 3000);
const CONCURRENCY = [1, 16];
const ROUNDS = Number(process.argv[3] ?? 5);

const payload = JSON.stringify({ id: 'member-test-1', status: 'active', roles: ['a', 'b'] });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(payload);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const operation = {
  sourceName: 'bench', operationId: 'getMember', method: 'get', path: '/v1/members/{member_id}',
  pointer: '/paths/~1v1~1members~1{member_id}/get', servers: [{ url: base }],
  parameters: [{ name: 'member_id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'expand', in: 'query', schema: { type: 'string' } }],
  responses: {}, security: [], securitySchemes: {},
};
const request = {
  operation,
  parameters: [{ name: 'member_id', in: 'path', value: 'member-test-1' }, { name: 'expand', in: 'query', value: 'roles' }],
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
  if (response.statusCode !== 200 || response.body.id !== 'member-test-1') throw new Error('bad transport response');
};
const viaGot = async () => {
  const response = await bare(`${base}/v1/members/member-test-1?expand=roles`, { headers: { 'user-agent': 'telaio/0.1.0' } });
  const body = JSON.parse(response.body.toString('utf8'));
  if (response.statusCode !== 200 || body.id !== 'member-test-1') throw new Error('bad got response');
};

async function run(send, concurrency) {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < N) {
      next += 1;
      await send();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return N / ((performance.now() - start) / 1000);
}

for (const concurrency of CONCURRENCY) {
  await run(viaGot, concurrency); // warm-up
  await run(viaTransport, concurrency);
  const got = [];
  const telaio = [];
  // interleave rounds so drift on a shared machine hits both alike; report best and median
  for (let round = 0; round < ROUNDS; round += 1) {
    got.push(await run(viaGot, concurrency));
    telaio.push(await run(viaTransport, concurrency));
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const line = (label, a, b) => `${label} bare got ${a.toFixed(0)} req/s, telaio ${b.toFixed(0)} req/s, ratio ${(b / a).toFixed(2)}x`;
  console.log(
    `concurrency ${String(concurrency).padStart(2)} (N=${N}, ${ROUNDS} interleaved rounds): ` +
      `${line('best:', Math.max(...got), Math.max(...telaio))}; ${line('median:', median(got), median(telaio))}`,
  );
}

transport.close();
agent.destroy();
server.close();
