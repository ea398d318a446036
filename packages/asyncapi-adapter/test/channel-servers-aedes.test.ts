/**
 * A channel's `servers` list restricts where its messages go (AsyncAPI 3.0 Channel Object: "An array
 * of $ref pointers to the definition of the servers in which this channel is available. If servers
 * is absent or empty, this channel MUST be available on all the servers"; 2.6 Channel Item Object:
 * the names of "the servers on which this channel is available"). Each description below declares
 * a dead server first and the aedes broker second: without the restriction the first would be
 * chosen and every step would fail to connect.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { createEngine, type RunResult } from '@telaio/core';
import { afterEach, describe, expect, it } from 'vitest';
import { startAedes, type TestBroker } from './support/start-aedes.js';

let broker: TestBroker | undefined;
let dir: string | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await broker?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  broker = dir = undefined;
});

/** A 127.0.0.1 port nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const v3 = (dead: number, live: string) => `asyncapi: 3.0.0
info: { title: Pings, version: 1.0.0 }
servers:
  elsewhere: { host: '127.0.0.1:${dead}', protocol: mqtt }
  local: { host: '${live.replace('mqtt://', '')}', protocol: mqtt }
channels:
  pings:
    address: pings/v3
    servers: [{ $ref: '#/servers/local' }]
    messages:
      ping:
        correlationId: { location: '$message.payload#/id' }
        payload: { type: object, required: [id], properties: { id: { type: string } } }
operations:
  sendPing: { action: send, channel: { $ref: '#/channels/pings' } }
  receivePing: { action: receive, channel: { $ref: '#/channels/pings' } }
`;

const v2 = (dead: number, live: string) => `asyncapi: 2.6.0
info: { title: Pings, version: 1.0.0 }
servers:
  elsewhere: { url: '127.0.0.1:${dead}', protocol: mqtt }
  local: { url: '${live.replace('mqtt://', '')}', protocol: mqtt }
channels:
  pings/v2:
    servers: [local]
    publish:
      operationId: sendPing
      message:
        correlationId: { location: '$message.payload#/id' }
        payload: { type: object, required: [id], properties: { id: { type: string } } }
    subscribe:
      operationId: receivePing
      message:
        correlationId: { location: '$message.payload#/id' }
        payload: { type: object, required: [id], properties: { id: { type: string } } }
`;

const arazzo = `arazzo: 1.1.0
info: { title: pings, version: 1.0.0 }
sourceDescriptions:
  - { name: events, url: ./events.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: ping
    steps:
      - stepId: ping
        operationId: sendPing
        action: send
        requestBody: { payload: { id: p-1 } }
      - stepId: pong
        operationId: receivePing
        action: receive
        correlationId: p-1
        timeout: 5000
        outputs: { id: $message.payload#/id }
`;

/** Run the ping workflow over `asyncapi`, with `servers` (the --server URLs) given to the engine. */
async function runPing(asyncapi: string, servers?: Record<string, string>): Promise<RunResult> {
  dir = await mkdtemp(join(tmpdir(), 'telaio-channel-servers-'));
  await writeFile(join(dir, 'events.asyncapi.yaml'), asyncapi);
  await writeFile(join(dir, 'pings.arazzo.yaml'), arazzo);
  const messageTransport = createAsyncApiTransport({ connectTimeoutMs: 2000 });
  closers.push(() => messageTransport.close());
  const engine = createEngine({
    transport: { send: () => Promise.reject(new Error('no HTTP here')) },
    messageTransport,
    cache: false,
    ...(servers === undefined ? {} : { servers }),
  });
  const document = await engine.load(join(dir, 'pings.arazzo.yaml'));
  return engine.run({ document });
}

describe('AsyncAPI channel servers: a channel is available only on the servers its `servers` lists', () => {
  it('3.0 Channel Object servers ($ref to #/servers/local): send and receive go through local, not the first declared server', async () => {
    broker = await startAedes();
    const result = await runPing(v3(await deadPort(), broker.url));
    expect(result.error).toBeUndefined();
    expect(result.steps.find((s) => s.stepId === 'pong')?.outputs).toEqual({ id: 'p-1' });
    expect(result.steps.find((s) => s.stepId === 'ping')?.sentMessage?.serverUrl).toBe(broker.url);
  });

  it('2.6 Channel Item Object servers (names): the same through the server named local', async () => {
    broker = await startAedes();
    const result = await runPing(v2(await deadPort(), broker.url));
    expect(result.error).toBeUndefined();
    expect(result.steps.find((s) => s.stepId === 'ping')?.sentMessage?.serverUrl).toBe(broker.url);
  });

  it('--server naming the URL of a declared server the channel is not on fails the step with SERVER_NOT_ON_CHANNEL, nothing sent', async () => {
    broker = await startAedes();
    const dead = await deadPort();
    const result = await runPing(v3(dead, broker.url), { events: `mqtt://127.0.0.1:${dead}` });
    expect(result.status).toBe('failure');
    const failed = result.steps.find((s) => s.status === 'failure');
    expect(failed?.reason).toContain('SERVER_NOT_ON_CHANNEL');
    expect(failed?.reason).toContain("server 'elsewhere'");
    expect(failed?.reason).toContain("available only on server 'local'");
  });

  it('--server with a URL outside the description (a broker standing in) is the user’s choice and is used', async () => {
    broker = await startAedes();
    const port = new URL(broker.url).port;
    const result = await runPing(v3(await deadPort(), broker.url), { events: `mqtt://localhost:${port}` });
    expect(result.error).toBeUndefined();
    expect(result.steps.find((s) => s.stepId === 'ping')?.sentMessage?.serverUrl).toBe(
      `mqtt://localhost:${port}`,
    );
  });

  it('a channel whose servers list names no declared server fails with NO_SERVER naming that list', async () => {
    broker = await startAedes();
    const text = v3(await deadPort(), broker.url).replace("'#/servers/local'", "'#/servers/missing'");
    const result = await runPing(text);
    expect(result.status).toBe('failure');
    const reasons = result.steps.map((s) => s.reason ?? '').join('\n');
    expect(reasons).toContain("available only on server 'missing'");
    expect(reasons).toContain('NO_SERVER');
  });
});
