/**
 * The three behaviours issue 17 must show, each named by its Arazzo 1.1.0 sentence, run by the
 * engine over a real MQTT broker (aedes on 127.0.0.1) through @telaio/asyncapi-adapter, with a
 * "service" that is a plain mqtt.js client answering on the broker.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAsyncApiTransport } from '@telaio/asyncapi-adapter';
import { createEngine, type Engine, type EngineHooks } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { unique } from './support/message-targets.js';
import { startAedes, type TestBroker } from './support/start-aedes.js';

let broker: TestBroker | undefined;
const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await broker?.close();
  broker = undefined;
});

/** The AsyncAPI 3.0 description: requests out, replies and events in, correlated by `requestId` in the payload. */
const asyncapi = (host: string, prefix: string) => `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
servers:
  local: { host: '${host}', protocol: mqtt }
channels:
  requests:
    address: ${prefix}/requests
    messages:
      request: { payload: { type: object, required: [requestId], properties: { requestId: { type: string }, note: { type: string } } } }
  replies:
    address: ${prefix}/replies
    messages:
      reply:
        correlationId: { location: '$message.payload#/requestId' }
        payload: { type: object, required: [requestId, status], properties: { requestId: { type: string }, status: { type: string } } }
  events:
    address: '${prefix}/events/{kind}'
    parameters: { kind: {} }
    messages:
      event:
        correlationId: { location: '$message.payload#/requestId' }
        payload: { type: object, required: [requestId], properties: { requestId: { type: string }, value: { type: string } } }
operations:
  sendRequest: { action: send, channel: { $ref: '#/channels/requests' } }
  receiveReply: { action: receive, channel: { $ref: '#/channels/replies' } }
  receiveEvent: { action: receive, channel: { $ref: '#/channels/events' } }
`;

interface Setup {
  readonly engine: Engine;
  readonly service: MqttClient;
  readonly prefix: string;
  /** Loads an Arazzo 1.1.0 document with the `events` source (and `api` when given) and `steps`. */
  load(steps: string, more?: { api?: string; outputs?: string }): ReturnType<Engine['load']>;
}

async function setup(): Promise<Setup> {
  broker = await startAedes();
  const url = broker.url;
  const prefix = unique('spec');
  const service = await mqtt.connectAsync(url);
  closers.push(() => service.endAsync());
  const messageTransport = createAsyncApiTransport({});
  const transport = createHttpTransport();
  closers.push(() => messageTransport.close());
  closers.push(async () => transport.close());
  const dir = await mkdtemp(join(tmpdir(), 'telaio-spec-'));
  closers.push(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'events.asyncapi.yaml'), asyncapi(url.replace('mqtt://', ''), prefix));
  const engine = createEngine({ transport, messageTransport, cache: false });
  return {
    engine,
    service,
    prefix,
    async load(steps, more = {}) {
      if (more.api !== undefined) await writeFile(join(dir, 'api.openapi.yaml'), more.api);
      const text = `arazzo: 1.1.0
info: { title: spec, version: 1.0.0 }
sourceDescriptions:
  - { name: events, url: ./events.asyncapi.yaml, type: asyncapi }
${more.api === undefined ? '' : '  - { name: api, url: ./api.openapi.yaml, type: openapi }\n'}workflows:
  - workflowId: flow
    steps:
${steps}${more.outputs ?? ''}`;
      return engine.load({ uri: join(dir, 'flow.arazzo.yaml'), text });
    },
  };
}

/** Hooks that append `hook:stepId` to `events`. */
const recording = (events: string[]): EngineHooks => ({
  onMessageSent: (e) => void events.push(`sent:${e.stepId}`),
  onMessageWait: (e) => void events.push(`wait:${e.stepId}`),
  onMessageReceived: (e) => void events.push(`received:${e.stepId}`),
});

describe('Arazzo 1.1.0 message steps over MQTT (aedes)', () => {
  it('§Defining Success for Asynchronous Steps, "For AsyncAPI receive operations, step completion depends on message receipt": a reply published before the receive step even starts is not lost', async () => {
    const { service, prefix, load, engine } = await setup();
    const events: string[] = [];
    let replied!: () => void;
    const published = new Promise<void>((resolve) => {
      replied = resolve;
    });
    // The service answers every request at once on the replies channel.
    await service.subscribeAsync(`${prefix}/requests`);
    service.on('message', (topic, payload) => {
      if (topic !== `${prefix}/requests`) return;
      const { requestId } = JSON.parse(payload.toString()) as { requestId: string };
      void service
        .publishAsync(`${prefix}/replies`, JSON.stringify({ requestId, status: 'done' }))
        .then(() => {
          events.push('reply-published');
          replied();
        });
    });
    // Between the trigger and the receive, an HTTP step that answers only once the reply is out.
    const api: Server = createServer((req, res) => {
      req.resume();
      void published.then(() => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => api.close(resolve)));
    const port = (api.address() as { port: number }).port;
    const doc = await load(
      `      - stepId: trigger
        operationId: sendRequest
        action: send
        requestBody: { payload: { requestId: r-1 } }
      - stepId: slow
        operationId: waitForReply
        successCriteria: [{ condition: $statusCode == 204 }]
      - stepId: reply
        operationId: receiveReply
        action: receive
        correlationId: r-1
        timeout: 5000
        successCriteria: [{ condition: $message.payload#/status == 'done' }]
        outputs: { status: $message.payload#/status }
`,
      {
        api: `openapi: 3.1.0
info: { title: slow, version: 1.0.0 }
servers: [{ url: 'http://127.0.0.1:${port}' }]
paths:
  /wait: { get: { operationId: waitForReply, responses: { '204': { description: replied } } } }
`,
      },
    );
    const result = await engine.run({ document: doc, hooks: recording(events) });
    expect(result.error).toBeUndefined();
    expect(result.steps.find((s) => s.stepId === 'reply')?.outputs).toEqual({ status: 'done' });
    // The reply was on the broker before the receive step started waiting.
    expect(events.indexOf('reply-published')).toBeGreaterThan(-1);
    expect(events.indexOf('reply-published')).toBeLessThan(events.indexOf('wait:reply'));
    expect(events.at(-1)).toBe('received:reply');
  }, 20_000);

  it('§Defining Success for Asynchronous Steps, "If no matching message is received within the timeout period, the step fails and triggers any defined onFailure actions": a reply for another correlation id is ignored, the timeout goes to the fallback step', async () => {
    const { service, prefix, load, engine } = await setup();
    const fallbacks: string[] = [];
    await service.subscribeAsync(`${prefix}/requests`);
    service.on('message', (topic, payload) => {
      if (topic !== `${prefix}/requests`) return;
      const request = JSON.parse(payload.toString()) as { requestId: string; note?: string };
      if (request.note === 'fallback') fallbacks.push(request.requestId);
      // Someone else's reply: never the one the receive waits for.
      else
        void service.publishAsync(
          `${prefix}/replies`,
          JSON.stringify({ requestId: 'other', status: 'done' }),
        );
    });
    const doc = await load(`      - stepId: trigger
        operationId: sendRequest
        action: send
        requestBody: { payload: { requestId: r-2 } }
      - stepId: reply
        operationId: receiveReply
        action: receive
        correlationId: r-2
        timeout: 300
        onSuccess: [{ name: done, type: end }]
        onFailure: [{ name: giveUp, type: goto, stepId: fallback }]
      - stepId: fallback
        operationId: sendRequest
        action: send
        requestBody: { payload: { requestId: r-2, note: fallback } }
`);
    const result = await engine.run({ document: doc });
    expect(result.status).toBe('success');
    const reply = result.steps.find((s) => s.stepId === 'reply');
    expect(reply).toMatchObject({ status: 'failure' });
    expect(reply?.reason).toMatch(/300 ms/);
    expect(reply?.receivedMessage).toBeUndefined();
    expect(result.steps.map((s) => `${s.stepId}:${s.status}`)).toEqual([
      'trigger:success',
      'reply:failure',
      'fallback:success',
    ]);
    await expect.poll(() => fallbacks).toEqual(['r-2']);
  }, 20_000);

  it('§Step Dependencies and Execution Order, Use Case: Async Coordination, "dependsOn establishes a join point for in-flight async work": two receives over MQTT in flight at once, joined by a step that dependsOn both', async () => {
    const { service, prefix, load, engine } = await setup();
    const joined: string[] = [];
    await service.subscribeAsync(`${prefix}/requests`);
    service.on('message', (topic, payload) => {
      if (topic !== `${prefix}/requests`) return;
      const request = JSON.parse(payload.toString()) as { requestId: string; note?: string };
      if (request.note !== undefined) {
        joined.push(request.note);
        return;
      }
      // The shipment first, the payment after it: each receive takes its own.
      void (async () => {
        await service.publishAsync(
          `${prefix}/events/shipment`,
          JSON.stringify({ requestId: request.requestId, value: 'shipped' }),
        );
        await service.publishAsync(
          `${prefix}/events/payment`,
          JSON.stringify({ requestId: request.requestId, value: 'paid' }),
        );
      })();
    });
    const receive = (id: string, kind: string) => `      - stepId: ${id}
        operationId: receiveEvent
        action: receive
        correlationId: r-3
        dependsOn: []
        parameters: [{ name: kind, in: path, value: ${kind} }]
        timeout: 5000
        outputs: { value: $message.payload#/value }
`;
    const events: string[] = [];
    const doc =
      await load(`${receive('payment', 'payment')}${receive('shipment', 'shipment')}      - stepId: trigger
        operationId: sendRequest
        action: send
        dependsOn: []
        requestBody: { payload: { requestId: r-3 } }
      - stepId: join
        operationId: sendRequest
        action: send
        dependsOn: [payment, shipment]
        requestBody:
          payload: { requestId: r-3, note: '{$steps.payment.outputs.value}+{$steps.shipment.outputs.value}' }
`);
    const result = await engine.run({ document: doc, hooks: recording(events) });
    expect(result.error).toBeUndefined();
    // Both receives were waiting before the trigger went out, and the join came after both.
    expect(events.indexOf('wait:payment')).toBeLessThan(events.indexOf('sent:trigger'));
    expect(events.indexOf('wait:shipment')).toBeLessThan(events.indexOf('sent:trigger'));
    expect(events.indexOf('sent:join')).toBeGreaterThan(events.indexOf('received:payment'));
    expect(events.indexOf('sent:join')).toBeGreaterThan(events.indexOf('received:shipment'));
    expect(result.steps.map((s) => s.stepId).at(-1)).toBe('join');
    await expect.poll(() => joined).toEqual(['paid+shipped']);
  }, 20_000);
});
