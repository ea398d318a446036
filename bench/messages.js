// Messages per second through an MQTT send→receive round trip, telaio next to a bare mqtt.js loop
// on the same broker, measured side by side in one run (rounds alternate which side goes first).
// Two telaio paths, each against the bare loop doing the same protocol work:
//   transport  the adapter path the engine's message steps use: createAsyncApiTransport().send()
//              then subscription.next() on one long-lived subscription (the engine's receive, minus
//              the engine); bare: client.publishAsync() and the next matching 'message' event.
//   workflow   the engine running a 2-step Arazzo 1.1 workflow per message (send step, receive step
//              filtered by correlationId, subscribed when the workflow starts, closed when it ends);
//              bare: SUBSCRIBE (await SUBACK), publish, await the matching message, UNSUBSCRIBE.
// Brokers: aedes embedded in this process (always), and Mosquitto on 127.0.0.1 when it is installed
// (TELAIO_MOSQUITTO_URL, else a `mosquitto` on PATH started here with a throw-away config).
// Rounds are paired (bench/support/compare-sides.js): the ratio printed is the median of the per-round
// ratios, with its quartiles.
// Run: pnpm build && node bench/messages.js [N per round=500] [rounds=15]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { createEngine } from '@telaio/core';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { compareSides, formatRatio, median } from './support/compare-sides.js';

const N = Number(process.argv[2] ?? 500);
const ROUNDS = Number(process.argv[3] ?? 15);
const CONCURRENCY = [1, 16];

async function startAedes() {
  const broker = await Aedes.createBroker();
  const server = createServer((socket) => broker.handle(socket));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    name: 'aedes (in process)',
    url: `mqtt://127.0.0.1:${server.address().port}`,
    async close() {
      await new Promise((resolve) => broker.close(resolve));
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function startMosquitto() {
  if (process.env.TELAIO_MOSQUITTO_URL)
    return { name: 'Mosquitto', url: process.env.TELAIO_MOSQUITTO_URL, close: async () => {} };
  if (spawnSync('mosquitto', ['-h']).error !== undefined) return undefined;
  const free = createServer();
  await new Promise((resolve) => free.listen(0, '127.0.0.1', resolve));
  const port = free.address().port;
  await new Promise((resolve) => free.close(resolve));
  const dir = await mkdtemp(path.join(tmpdir(), 'telaio-bench-mosquitto-'));
  await writeFile(
    path.join(dir, 'mosquitto.conf'),
    `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n`,
  );
  const child = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
  const url = `mqtt://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    const up = await mqtt
      .connectAsync(url, { reconnectPeriod: 0, connectTimeout: 500 })
      .then((c) => c.endAsync().then(() => true))
      .catch(() => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const version = String(spawnSync('mosquitto', ['-h']).stdout).match(/mosquitto version (\S+)/)?.[1] ?? '';
  return {
    name: `Mosquitto ${version}`.trim(),
    url,
    async close() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The AsyncAPI description and the Arazzo workflow of the `workflow` path, in a temp folder. */
async function writeWorkflow(dir, brokerUrl) {
  await writeFile(
    path.join(dir, 'bench.asyncapi.yaml'),
    `asyncapi: 3.0.0
info: { title: bench, version: 1.0.0 }
servers:
  broker: { host: '${brokerUrl.replace('mqtt://', '')}', protocol: mqtt }
channels:
  pings:
    address: 'bench/{worker}/pings'
    parameters: { worker: {} }
    messages:
      ping:
        correlationId: { location: '$message.payload#/id' }
        payload: { type: object, required: [id], properties: { id: { type: string }, n: { type: integer } } }
operations:
  sendPing: { action: send, channel: { $ref: '#/channels/pings' } }
  receivePing: { action: receive, channel: { $ref: '#/channels/pings' } }
`,
  );
  const file = path.join(dir, 'bench.arazzo.yaml');
  await writeFile(
    file,
    `arazzo: 1.1.0
info: { title: bench, version: 1.0.0 }
sourceDescriptions:
  - { name: events, url: ./bench.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: roundTrip
    inputs:
      type: object
      properties: { id: { type: string }, worker: { type: string } }
    steps:
      - stepId: ping
        operationId: sendPing
        action: send
        parameters: [{ name: worker, in: path, value: $inputs.worker }]
        requestBody: { payload: { id: $inputs.id, n: 1 } }
      - stepId: pong
        operationId: receivePing
        action: receive
        correlationId: $inputs.id
        parameters: [{ name: worker, in: path, value: $inputs.worker }]
        timeout: 10000
        successCriteria: [{ condition: $message.payload#/n == 1 }]
        outputs: { id: $message.payload#/id }
    outputs: { id: $steps.pong.outputs.id }
`,
  );
  return file;
}

/** N round trips with `concurrency` workers (each its own topic); messages/s wall clock and per CPU second. */
async function measure(makeWorker, concurrency) {
  let next = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      const worker = await makeWorker(w);
      const roundTrip = typeof worker === 'function' ? worker : worker.roundTrip;
      while (next < N) {
        next += 1;
        await roundTrip(`m-${w}-${next}`);
      }
      if (typeof worker !== 'function') await worker.done();
    }),
  );
  const used = process.cpuUsage(cpu);
  return { wall: N / ((performance.now() - start) / 1000), cpu: N / ((used.user + used.system) / 1e6) };
}

/** A bare mqtt.js client: messages dispatched to waiters by the payload's id. */
async function bareClient(url) {
  const client = await mqtt.connectAsync(url, { clientId: `bare-${Math.random().toString(16).slice(2)}` });
  const waiters = new Map();
  client.on('message', (_topic, payload) => {
    const message = JSON.parse(payload.toString('utf8'));
    const waiter = waiters.get(message.id);
    if (waiter !== undefined) {
      waiters.delete(message.id);
      waiter(message);
    }
  });
  const wait = (id) => new Promise((resolve) => waiters.set(id, resolve));
  return { client, wait };
}

async function compare(broker) {
  console.log(`\n${broker.name} at ${broker.url}`);
  const bare = await bareClient(broker.url);
  const transport = createAsyncApiTransport({});
  const dir = await mkdtemp(path.join(tmpdir(), 'telaio-bench-messages-'));
  const engine = createEngine({
    transport: { send: () => Promise.reject(new Error('no HTTP here')) },
    messageTransport: transport,
    cache: false,
  });
  const document = await engine.load(await writeWorkflow(dir, broker.url));
  const target = (worker) => ({
    source: { name: 'events', url: 'bench.asyncapi.yaml', type: 'asyncapi' },
    channel: 'pings',
    address: `bench/t${worker}/pings`,
    servers: [{ name: 'broker', url: broker.url, protocol: 'mqtt', bindings: {}, security: [] }],
    channelBindings: {},
    operationBindings: {},
    messageBindings: {},
  });
  const signal = new AbortController().signal;
  const paths = {
    transport: {
      telaio: async (worker) => {
        const t = target(worker);
        // One subscription per worker, closed when its N round trips are done.
        const subscription = await transport.subscribe({ target: t, messages: [] }, { signal });
        return {
          roundTrip: async (id) => {
            await transport.send(
              { target: t, payload: { id, n: 1 }, contentType: 'application/json', headers: {} },
              { signal },
            );
            const got = await subscription.next({ timeoutMs: 10_000 });
            if (got.payload.id !== id) throw new Error('out of order');
          },
          done: () => subscription.close(),
        };
      },
      bare: async (worker) => {
        const topic = `bench/b${worker}/pings`;
        await bare.client.subscribeAsync(topic);
        return {
          roundTrip: async (id) => {
            const got = bare.wait(id);
            await bare.client.publishAsync(topic, JSON.stringify({ id, n: 1 }));
            await got;
          },
          done: () => bare.client.unsubscribeAsync(topic),
        };
      },
    },
    workflow: {
      telaio: async (worker) => async (id) => {
        const result = await engine.run({ document, inputs: { id, worker: `w${worker}` } });
        if (result.status !== 'success' || result.outputs.id !== id)
          throw new Error(`run failed: ${result.error?.message}`);
      },
      bare: async (worker) => {
        const topic = `bench/bw${worker}/pings`;
        return async (id) => {
          await bare.client.subscribeAsync(topic);
          const got = bare.wait(id);
          await bare.client.publishAsync(topic, JSON.stringify({ id, n: 1 }));
          await got;
          await bare.client.unsubscribeAsync(topic);
        };
      },
    },
  };
  const figures = {};
  for (const [name, sides] of Object.entries(paths)) {
    for (const concurrency of CONCURRENCY) {
      for (let warm = 0; warm < 2; warm += 1) {
        // warm-up (JIT), not counted
        await measure(sides.bare, concurrency);
        await measure(sides.telaio, concurrency);
      }
      const r = await compareSides({
        rounds: ROUNDS,
        bare: () => measure(sides.bare, concurrency),
        telaio: () => measure(sides.telaio, concurrency),
      });
      figures[`${name}/${concurrency}`] = r.wall.median;
      console.log(
        `  ${name.padEnd(9)} concurrency ${String(concurrency).padStart(2)} (N=${N} per round, ${ROUNDS} paired rounds): ` +
          `bare mqtt.js ${r.bare.wall.toFixed(0)} msg/s, telaio ${r.telaio.wall.toFixed(0)} msg/s (medians) | ` +
          `ratio per round ${formatRatio(r.wall)} | per CPU-second ${formatRatio(r.cpu)} ` +
          `(${(1e6 / r.bare.cpu).toFixed(0)} vs ${(1e6 / r.telaio.cpu).toFixed(0)} us CPU per round trip)`,
      );
    }
  }
  await transport.close();
  await bare.client.endAsync();
  await rm(dir, { recursive: true, force: true });
  return figures;
}

/** Wall milliseconds of `node -e 0` (median of 5), for scale. */
function nodeStartMs() {
  const times = [];
  for (let i = 0; i < 5; i += 1) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t);
  }
  return median(times);
}

const started = performance.now();
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; node -e 0 takes ${nodeStartMs().toFixed(0)} ms here`,
);
const aedes = await startAedes();
await compare(aedes);
await aedes.close();
const mosquitto = await startMosquitto();
if (mosquitto === undefined)
  console.log('\nMosquitto: not installed (no `mosquitto` on PATH, TELAIO_MOSQUITTO_URL unset): skipped');
else {
  await compare(mosquitto);
  await mosquitto.close();
}
console.log(
  `\nratios are the median [quartiles] of per-round ratios telaio/bare; target: telaio at least 0.8x the bare loop; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
