/**
 * `telaio run --dry-run` with message steps running at once (1.1.0 step dependsOn): each success
 * criterion the dry run could not judge (it read the placeholder message) is listed under its own
 * step. One "current step" slot for the run misattributed them: both receives had their placeholder
 * message in before either's criteria were tested.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCriterionRegistry, createDryRunMessageTransport, createEngine } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { createDryRunCriteria } from '../src/run/dry-run/create-dry-run-criteria.js';

const ASYNCAPI = `asyncapi: 3.0.0
info: { title: Orders, version: 1.0.0 }
servers:
  local: { host: 'memory://broker', protocol: memory }
channels:
  shipped:
    address: orders.shipped
    messages:
      shipped: { payload: { type: object, properties: { status: { type: string } } } }
  billed:
    address: orders.billed
    messages:
      billed: { payload: { type: object, properties: { status: { type: string } } } }
operations:
  onShipped: { action: receive, channel: { $ref: '#/channels/shipped' } }
  onBilled: { action: receive, channel: { $ref: '#/channels/billed' } }
`;

const ARAZZO = `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: orders, url: ./orders.asyncapi.yaml, type: asyncapi }
workflows:
  - workflowId: w
    steps:
      - stepId: shipped
        operationId: onShipped
        action: receive
        dependsOn: []
        successCriteria: [{ condition: "$message.payload#/status == 'shipped'" }]
      - stepId: billed
        operationId: onBilled
        action: receive
        dependsOn: []
        successCriteria: [{ condition: "$message.payload#/status == 'billed'" }]
`;

describe('1.1.0 §Step Dependencies and Execution Order: a dry run of concurrent message steps', () => {
  it('lists each unjudged success criterion under the step it belongs to', async () => {
    const dry = createDryRunCriteria({ registry: createCriterionRegistry() });
    const engine = createEngine({
      transport: { send: () => Promise.reject(new Error('no HTTP in this test')) },
      messageTransport: createDryRunMessageTransport(),
      criteria: dry.evaluators,
      hooks: dry.hooks,
      cache: false,
    });
    const dir = await mkdtemp(join(tmpdir(), 'telaio-dry-concurrent-'));
    await writeFile(join(dir, 'orders.asyncapi.yaml'), ASYNCAPI);
    await writeFile(join(dir, 'flow.arazzo.yaml'), ARAZZO);
    const document = await engine.load(join(dir, 'flow.arazzo.yaml'));
    dry.useDocument(document.document);
    const result = await engine.run({ document }).finally(() => rm(dir, { recursive: true, force: true }));
    expect(result.error).toBeUndefined();
    expect([...dry.unjudged].sort((a, b) => a.stepId.localeCompare(b.stepId))).toEqual([
      { stepId: 'billed', condition: "$message.payload#/status == 'billed'" },
      { stepId: 'shipped', condition: "$message.payload#/status == 'shipped'" },
    ]);
  });
});
