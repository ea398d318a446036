/**
 * The engine's message steps end to end over MQTT (an embedded aedes broker) with
 * @telaio/asyncapi-adapter, in a workflow that also calls an HTTP API on a loopback server: the
 * order is placed over HTTP, the service publishes its confirmation on MQTT at once (before the
 * receive step starts), and the receive step, subscribed since the workflow started, gets it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startAedes, type TestBroker } from './support/start-aedes.js';

let broker: TestBroker | undefined;
let api: Server | undefined;
let dir: string | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  if (api !== undefined) await new Promise((resolve) => api?.close(resolve));
  await broker?.close();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  broker = api = dir = undefined;
});

const asyncapi = (url: string) => `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
servers:
  local: { host: '${url.replace('mqtt://', '')}', protocol: mqtt }
channels:
  confirmed:
    address: 'orders/{orderId}/confirmed'
    parameters: { orderId: {} }
    messages:
      confirmation:
        payload: { type: object, required: [status], properties: { status: { type: string } } }
  audit:
    address: orders/audit
    messages:
      audit:
        payload: { type: object, required: [orderId], properties: { orderId: { type: string } } }
operations:
  confirmOrder: { action: receive, channel: { $ref: '#/channels/confirmed' } }
  auditOrder: { action: send, channel: { $ref: '#/channels/audit' } }
`;

const openapi = (url: string) => `openapi: 3.1.0
info: { title: Shop, version: 1.0.0 }
servers: [{ url: '${url}' }]
paths:
  /orders:
    post:
      operationId: createOrder
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '201': { description: created } }
`;

const arazzo = `arazzo: 1.1.0
info: { title: mixed, version: 1.0.0 }
sourceDescriptions:
  - { name: shop, url: ./shop.openapi.yaml, type: openapi }
  - { name: events, url: ./events.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: order
    steps:
      - stepId: create
        operationId: createOrder
        requestBody: { payload: { item: book } }
        successCriteria: [{ condition: $statusCode == 201 }]
        outputs: { orderId: $response.body#/id }
      - stepId: confirmed
        operationId: confirmOrder
        action: receive
        dependsOn: [create]
        parameters: [{ name: orderId, in: path, value: $steps.create.outputs.orderId }]
        timeout: 5000
        successCriteria: [{ condition: $message.payload#/status == 'confirmed' }]
        outputs: { status: $message.payload#/status }
      - stepId: audit
        operationId: auditOrder
        action: send
        dependsOn: [confirmed]
        requestBody: { payload: { orderId: $steps.create.outputs.orderId } }
    outputs: { status: $steps.confirmed.outputs.status }
`;

describe('Arazzo 1.1 message steps over MQTT (aedes) with an HTTP step (loopback)', () => {
  it('an order placed over HTTP is confirmed on MQTT before the receive step runs, and the audit message goes out', async () => {
    broker = await startAedes();
    const brokerUrl = broker.url;
    // The service: on POST /orders it publishes the confirmation at once, then answers.
    const service = await mqtt.connectAsync(brokerUrl);
    closers.push(() => service.endAsync());
    const audits: string[] = [];
    await service.subscribeAsync('orders/audit');
    service.on('message', (topic, payload) => {
      if (topic === 'orders/audit') audits.push(payload.toString());
    });
    api = createServer((req, res) => {
      req.resume();
      req.on('end', async () => {
        await service.publishAsync('orders/o-42/confirmed', JSON.stringify({ status: 'confirmed' }));
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'o-42' }));
      });
    });
    await new Promise<void>((resolve) => api?.listen(0, '127.0.0.1', resolve));
    const port = (api.address() as { port: number }).port;
    dir = await mkdtemp(join(tmpdir(), 'telaio-mixed-'));
    await writeFile(join(dir, 'events.asyncapi.yaml'), asyncapi(brokerUrl));
    await writeFile(join(dir, 'shop.openapi.yaml'), openapi(`http://127.0.0.1:${port}`));
    const messageTransport = createAsyncApiTransport({});
    const transport = createHttpTransport();
    closers.push(() => messageTransport.close());
    closers.push(async () => transport.close());
    const engine = createEngine({ transport, messageTransport, cache: false });
    const doc = await engine.load({ uri: join(dir, 'mixed.arazzo.yaml'), text: arazzo });
    const result = await engine.run({ document: doc });
    expect(result.error).toBeUndefined();
    expect(result.outputs).toEqual({ status: 'confirmed' });
    expect(result.steps.map((s) => `${s.stepId}:${s.status}`)).toEqual([
      'create:success',
      'confirmed:success',
      'audit:success',
    ]);
    expect(result.steps[1]?.receivedMessage).toMatchObject({ address: 'orders/o-42/confirmed' });
    expect(result.steps[2]?.sentMessage).toMatchObject({ protocol: 'mqtt', address: 'orders/audit' });
    await expect.poll(() => audits).toEqual(['{"orderId":"o-42"}']);
  });
});
