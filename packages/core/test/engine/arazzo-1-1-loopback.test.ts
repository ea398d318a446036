import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// End to end over real HTTP (node:http on 127.0.0.1, @telaio/http-adapter): an Arazzo 1.1.0 document
// on disk whose `$self` names the loopback server, so its relative source url is fetched from there;
// Selector Objects (jsonpath, xpath with an Expression Type Object, jsonpointer) in parameter
// values, outputs, a payload and a replacement; `$self` in a payload and an action parameter;
// action parameters feeding a goto workflow; a step `timeout` that aborts a slow request, and one
// on a workflow step that aborts the nested run.

const OPENAPI = `openapi: 3.1.0
info: { title: shop, version: 1.0.0 }
servers: [{ url: /v1 }]
paths:
  /orders:
    get:
      operationId: listOrders
      parameters: [{ name: status, in: query, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /invoices/{id}:
    get:
      operationId: getInvoice
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /payments:
    post:
      operationId: pay
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '200': { description: ok } }
  /notify:
    post:
      operationId: notify
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '200': { description: ok } }
  /slow:
    get:
      operationId: slow
      responses: { '200': { description: ok } }
`;

const document = (self: string) => `arazzo: 1.1.0
$self: ${self}
info: { title: shop flows, version: 1.0.0 }
sourceDescriptions:
  - { name: shop, url: ../specs/shop.openapi.yaml, type: openapi }
workflows:
  - workflowId: pay
    inputs:
      type: object
      properties: { filter: { type: object } }
    steps:
      - stepId: orders
        operationId: listOrders
        parameters:
          - name: status
            in: query
            value: { context: $inputs.filter, selector: $.status, type: jsonpath }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs:
          first: { context: $response.body, selector: '$.orders[0].id', type: jsonpath }
          totals: { context: $response.body, selector: '$.orders[*].total', type: jsonpath }
          orders: $response.body
      - stepId: invoice
        operationId: getInvoice
        parameters: [{ name: id, in: path, value: $steps.orders.outputs.first }]
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs:
          number:
            context: $response.body
            selector: /Invoice/Header/InvoiceNumber
            type: { type: xpath, version: xpath-30 }
          xml: $response.body
      - stepId: payment
        operationId: pay
        requestBody:
          contentType: application/json
          payload:
            invoice: { context: $steps.invoice.outputs.xml, selector: //InvoiceNumber, type: xpath }
            document: $self
            amount: 0
          replacements:
            - target: /amount
              value: { context: $steps.orders.outputs.orders, selector: /orders/1/total, type: jsonpointer }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs:
          receipt: { context: $response.body, selector: /receipt, type: { type: jsonpointer, version: rfc6901 } }
        onSuccess:
          - name: tell
            type: goto
            workflowId: notify
            parameters:
              - { name: receipt, value: $response.body#/receipt }
              - { name: source, value: $self }
  - workflowId: notify
    inputs:
      type: object
      properties: { receipt: { type: string }, source: { type: string } }
      required: [receipt, source]
    steps:
      - stepId: send
        operationId: notify
        requestBody:
          contentType: application/json
          payload: { receipt: $inputs.receipt, source: $inputs.source }
        successCriteria: [{ condition: $statusCode == 200 }]
    outputs: { receipt: $inputs.receipt }
  - workflowId: impatient
    steps:
      - stepId: wait
        operationId: slow
        timeout: 150
        onFailure:
          - name: giveUp
            type: goto
            workflowId: notify
            parameters:
              - { name: receipt, value: none }
              - { name: source, value: $self }
  - workflowId: strict
    steps:
      - stepId: wait
        operationId: slow
        timeout: 150
  - workflowId: slowly
    steps:
      - stepId: call
        operationId: slow
  - workflowId: bounded
    steps:
      - stepId: nested
        workflowId: slowly
        timeout: 150
        onFailure:
          - name: report
            type: goto
            workflowId: notify
            parameters:
              - { name: receipt, value: timed-out }
              - { name: source, value: $self }
`;

describe('Arazzo 1.1.0 end to end over loopback HTTP', () => {
  let server: Server;
  let base = '';
  let dir = '';
  let self = '';
  const seen: string[] = [];
  const bodies: Record<string, unknown> = {};
  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => {
        text += c;
      });
      req.on('end', () => {
        seen.push(`${req.method} ${req.url}`);
        if (text !== '') bodies[req.url ?? ''] = JSON.parse(text);
        const json = (value: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        if (req.url === '/specs/shop.openapi.yaml') {
          res.writeHead(200, { 'content-type': 'application/yaml' });
          return res.end(OPENAPI);
        }
        if (req.url === '/v1/orders?status=open')
          return json({
            orders: [
              { id: 'o1', total: 5 },
              { id: 'o2', total: 7 },
            ],
          });
        if (req.url === '/v1/invoices/o1') {
          res.writeHead(200, { 'content-type': 'application/xml' });
          return res.end('<Invoice><Header><InvoiceNumber>INV-1</InvoiceNumber></Header></Invoice>');
        }
        if (req.url === '/v1/payments') return json({ receipt: 'R-1' });
        if (req.url === '/v1/notify') return json({ ok: true });
        if (req.url === '/v1/slow') {
          setTimeout(() => json({ late: true }), 3000).unref();
          return;
        }
        res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    self = `${base}/workflows/shop.arazzo.yaml`;
    dir = mkdtempSync(join(tmpdir(), 'telaio-11-'));
    writeFileSync(join(dir, 'shop.arazzo.yaml'), document(self));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const load = async () => {
    const engine = createEngine({ transport: createHttpTransport(), cache: false });
    return { engine, document: await engine.load(join(dir, 'shop.arazzo.yaml')) };
  };

  it('§Establishing the Base URI: the relative source url resolves against $self, not the file it was read from', async () => {
    const { document: loaded } = await load();
    expect(loaded.sources.map((s) => s.uri)).toEqual([`${base}/specs/shop.openapi.yaml`]);
    expect(seen).toContain('GET /specs/shop.openapi.yaml');
  });

  it('§Selector Object, §Runtime Expressions $self, §Success Action Object parameters: selectors feed requests, outputs and a goto workflow', async () => {
    const { engine, document: loaded } = await load();
    const result = await engine.run({
      document: loaded,
      workflowId: 'pay',
      inputs: { filter: { status: 'open' } },
    });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('success');
    expect(seen).toEqual(
      expect.arrayContaining([
        'GET /v1/orders?status=open',
        'GET /v1/invoices/o1',
        'POST /v1/payments',
        'POST /v1/notify',
      ]),
    );
    const byStep = Object.fromEntries(result.steps.map((s) => [s.stepId, s.outputs]));
    expect(byStep.orders).toMatchObject({ first: 'o1', totals: [5, 7] });
    expect(byStep.invoice).toMatchObject({ number: 'INV-1' });
    expect(byStep.payment).toEqual({ receipt: 'R-1' });
    expect(bodies['/v1/payments']).toEqual({ invoice: 'INV-1', document: self, amount: 7 });
    expect(bodies['/v1/notify']).toEqual({ receipt: 'R-1', source: self });
    expect(result.steps.find((s) => s.stepId === 'send')?.workflowId).toBe('notify');
  });

  it('§Step Object timeout: a step that does not complete in time is aborted and fails; onFailure then applies', async () => {
    const { engine, document: loaded } = await load();
    const strict = await engine.run({ document: loaded, workflowId: 'strict' });
    expect(strict.status).toBe('failure');
    expect(strict.error).toMatchObject({ code: 'step-timeout', stepId: 'wait' });
    expect(strict.error?.message).toMatch(/within its timeout of 150 ms/);
    delete bodies['/v1/notify'];
    const recovered = await engine.run({ document: loaded, workflowId: 'impatient' });
    expect(recovered.status).toBe('success');
    expect(recovered.steps[0]).toMatchObject({ stepId: 'wait', status: 'failure' });
    expect(bodies['/v1/notify']).toEqual({ receipt: 'none', source: self });
  });

  it('§Step Object timeout on a workflow step: the nested run is aborted over HTTP when it elapses; onFailure (with action parameters) applies', async () => {
    const { engine, document: loaded } = await load();
    delete bodies['/v1/notify'];
    const result = await engine.run({ document: loaded, workflowId: 'bounded' });
    expect(result.status).toBe('success');
    const nested = result.steps.find((s) => s.stepId === 'nested');
    expect(nested).toMatchObject({ status: 'failure', workflowId: 'bounded' });
    expect(nested?.reason).toMatch(/step 'nested' did not complete within its timeout of 150 ms/);
    expect(result.steps.find((s) => s.stepId === 'call')?.reason).toMatch(/^stopped: step 'nested'/);
    expect(bodies['/v1/notify']).toEqual({ receipt: 'timed-out', source: self });
  });
});
