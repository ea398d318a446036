/**
 * AsyncAPI bindings written in the description reach the broker through the engine (1.1.0 §Defining
 * Success for Asynchronous Steps: "tools will send or receive messages on the specified channel as
 * defined by the referenced AsyncAPI description"): an MQTT operation binding's `retain` and `qos`
 * on aedes, and an AMQP channel binding's exchange on RabbitMQ.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { connect as amqpConnect } from 'amqplib';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { describeService } from '../../../test/support/services.js';
import { unique } from './support/message-targets.js';
import { startAedes, type TestBroker } from './support/start-aedes.js';

let broker: TestBroker | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await broker?.close();
  broker = undefined;
});

/** Runs the only workflow of `arazzo` (with `asyncapi` beside it) on a fresh engine; its result. */
async function run(asyncapi: string, arazzo: string, servers: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'telaio-bindings-'));
  closers.push(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'events.asyncapi.yaml'), asyncapi);
  const messageTransport = createAsyncApiTransport({});
  closers.push(() => messageTransport.close());
  const transport = createHttpTransport();
  closers.push(async () => transport.close());
  const engine = createEngine({ transport, messageTransport, cache: false, servers });
  const doc = await engine.load({ uri: join(dir, 'flow.arazzo.yaml'), text: arazzo });
  return engine.run({ document: doc });
}

const flow = (steps: string) => `arazzo: 1.1.0
info: { title: bindings, version: 1.0.0 }
sourceDescriptions:
  - { name: events, url: ./events.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: flow
    steps:
${steps}`;

describe('AsyncAPI bindings from the description, through the engine', () => {
  it('MQTT operation binding {qos: 1, retain: true}: the message is kept by the broker for a later subscriber, at QoS 1', async () => {
    broker = await startAedes();
    const topic = unique('retained');
    const result = await run(
      `asyncapi: 3.0.0
info: { title: t, version: 1.0.0 }
servers:
  local: { host: '${broker.url.replace('mqtt://', '')}', protocol: mqtt }
channels:
  status: { address: ${topic}, messages: { s: { payload: { type: object } } } }
operations:
  publishStatus:
    action: send
    channel: { $ref: '#/channels/status' }
    bindings: { mqtt: { qos: 1, retain: true, bindingVersion: 0.2.0 } }
`,
      flow(`      - stepId: publish
        operationId: publishStatus
        action: send
        requestBody: { payload: { state: up } }
`),
    );
    expect(result.error).toBeUndefined();
    const late = await mqtt.connectAsync(broker.url);
    closers.push(() => late.endAsync());
    const got = new Promise<{ payload: string; retain: boolean; qos: number }>((resolve) =>
      late.on('message', (_t, payload, packet) =>
        resolve({ payload: payload.toString(), retain: packet.retain, qos: packet.qos }),
      ),
    );
    await late.subscribeAsync(topic, { qos: 1 });
    expect(await got).toEqual({ payload: '{"state":"up"}', retain: true, qos: 1 });
  });
});

describeService('RabbitMQ', 'TELAIO_RABBITMQ_URL', 'AMQP channel binding through the engine', (url) => {
  it('channel binding {is: routingKey, exchange: {type: topic}}: the exchange is declared, the message routed through it and received back', async () => {
    const exchange = unique('telaio.orders');
    const key = unique('order.created');
    const result = await run(
      `asyncapi: 3.0.0
info: { title: t, version: 1.0.0 }
servers:
  rabbit: { host: '${new URL(url).host}', protocol: amqp }
channels:
  created:
    address: ${key}
    messages: { m: { payload: { type: object } } }
    bindings:
      amqp: { is: routingKey, exchange: { name: ${exchange}, type: topic, durable: false, autoDelete: false } }
operations:
  sendCreated: { action: send, channel: { $ref: '#/channels/created' } }
  receiveCreated: { action: receive, channel: { $ref: '#/channels/created' } }
`,
      flow(`      - stepId: send
        operationId: sendCreated
        action: send
        requestBody: { payload: { id: a-1 } }
      - stepId: receive
        operationId: receiveCreated
        action: receive
        timeout: 5000
        outputs: { id: $message.payload#/id }
`),
      // The login is in the URL (--server events=amqp://user:password@host).
      { events: url },
    );
    expect(result.error).toBeUndefined();
    expect(result.outputs).toEqual({});
    expect(result.steps.find((s) => s.stepId === 'receive')?.outputs).toEqual({ id: 'a-1' });
    // The exchange the binding named was declared on the broker (checkExchange fails otherwise).
    const connection = await amqpConnect(url);
    closers.push(() => connection.close());
    const channel = await connection.createChannel();
    await expect(channel.checkExchange(exchange)).resolves.toBeDefined();
    await channel.deleteExchange(exchange);
  });
});
