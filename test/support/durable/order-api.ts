/**
 * The loopback API of the durable-run tests: a shop whose POST /orders and POST /charge must never
 * be repeated, a GET /slow that can be held open (so a worker can be killed while it waits for
 * it), and a GET /unavailable that always answers 503 (the `sleepy` workflow retries it after 60 s). It counts every request it receives by `METHOD /path`, and the Arazzo document that drives it.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The running API. */
export interface OrderApi {
  readonly url: string;
  /** Requests received, by `METHOD /path`. */
  readonly counts: Record<string, number>;
  /** Orders created per item (a run's input), to find runs that ran twice. */
  readonly ordersByItem: Map<string, number>;
  /** Hold every GET /slow open until `release()`; `onHeld` is called as one arrives. */
  hold(onHeld: () => void): void;
  release(): void;
  close(): Promise<void>;
}

/** Start the API on 127.0.0.1 (a free port). */
export async function startOrderApi(): Promise<OrderApi> {
  const counts: Record<string, number> = {};
  const ordersByItem = new Map<string, number>();
  let held: { onHeld: () => void; waiting: ServerResponse[] } | undefined;
  let orders = 0;
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return chunks.length === 0
      ? {}
      : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const key = `${req.method} ${path}`;
    counts[key] = (counts[key] ?? 0) + 1;
    void readBody(req).then((body) => {
      if (key === 'POST /orders') {
        orders += 1;
        const item = String(body.item);
        ordersByItem.set(item, (ordersByItem.get(item) ?? 0) + 1);
        return json(res, 201, { id: `order-${orders}` });
      }
      if (key === 'GET /slow') {
        if (held !== undefined) {
          held.waiting.push(res);
          held.onHeld();
          return;
        }
        return json(res, 200, { ok: true });
      }
      if (key === 'GET /unavailable') return json(res, 503, { error: 'try later' });
      if (key === 'POST /charge') return json(res, 200, { receipt: `receipt-${String(body.orderId)}` });
      return json(res, 404, { error: key });
    });
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    ordersByItem,
    hold: (onHeld) => {
      held = { onHeld, waiting: [] };
    },
    release() {
      for (const res of held?.waiting ?? []) if (!res.destroyed) json(res, 200, { ok: true });
      held = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const OPENAPI = `openapi: 3.0.3
info: { title: shop, version: 1.0.0 }
servers: [{ url: 'http://127.0.0.1:9' }]
paths:
  /orders:
    post:
      operationId: createOrder
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '201': { description: created } }
  /slow:
    get:
      operationId: getSlow
      parameters: [{ name: order, in: query, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /unavailable:
    get:
      operationId: getUnavailable
      responses: { '503': { description: always unavailable } }
  /charge:
    post:
      operationId: charge
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '200': { description: charged } }
`;

const ARAZZO = `arazzo: 1.0.1
info: { title: orders, version: 1.0.0 }
sourceDescriptions:
  - { name: shop, url: ./shop.openapi.yaml, type: openapi }
workflows:
  - workflowId: order
    inputs: { type: object, properties: { item: { type: string } } }
    steps:
      - stepId: create
        operationId: createOrder
        requestBody: { contentType: application/json, payload: { item: $inputs.item } }
        successCriteria: [{ condition: $statusCode == 201 }]
        outputs: { orderId: $response.body#/id }
      - stepId: slow
        operationId: getSlow
        parameters: [{ name: order, in: query, value: $steps.create.outputs.orderId }]
        successCriteria: [{ condition: $statusCode == 200 }]
      - stepId: charge
        operationId: charge
        requestBody: { contentType: application/json, payload: { orderId: $steps.create.outputs.orderId } }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { receipt: $response.body#/receipt }
    outputs:
      orderId: $steps.create.outputs.orderId
      receipt: $steps.charge.outputs.receipt
  - workflowId: sleepy
    inputs: { type: object, properties: { item: { type: string } } }
    steps:
      - stepId: create
        operationId: createOrder
        requestBody: { contentType: application/json, payload: { item: $inputs.item } }
        successCriteria: [{ condition: $statusCode == 201 }]
      - stepId: unavailable
        operationId: getUnavailable
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure:
          - { name: later, type: retry, retryAfter: 60, retryLimit: 3 }
`;

/** Write the shop's OpenAPI and the `order` workflow to a temp folder; returns the Arazzo path. */
export async function writeOrderDocuments(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'telaio-durable-'));
  await writeFile(join(dir, 'shop.openapi.yaml'), OPENAPI);
  await writeFile(join(dir, 'orders.arazzo.yaml'), ARAZZO);
  return join(dir, 'orders.arazzo.yaml');
}
