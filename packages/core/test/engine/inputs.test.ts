import type { InputProvider } from '@telaio/core';
import { describe, expect, it, vi } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const DOC = `${PRELUDE}components:
  inputs:
    paging:
      type: object
      properties:
        limit: { type: integer, minimum: 1, default: 20 }
workflows:
  - workflowId: w
    inputs:
      type: object
      required: [user, code]
      properties:
        user: { type: string, minLength: 2 }
        code: { type: string, pattern: '^[0-9]{6}$' }
        paging: { $ref: '#/components/inputs/paging' }
        region: { type: string, default: eu }
    steps:
      - stepId: first
        operationId: listPets
        parameters:
          - { name: X-Trace, in: header, value: '{$inputs.user}-{$inputs.region}' }
          - { name: limit, in: query, value: $inputs.paging#/limit }
      - stepId: second
        operationId: login
        requestBody: { payload: { code: $inputs.code } }
    outputs:
      limit: $inputs.paging#/limit
`;

describe('inputs', () => {
  it('§Workflow Object inputs: checked with the JSON Schema before anything is sent, naming the input and the rule', async () => {
    const { engine, transport } = memoryEngine(() => ({ status: 200 }));
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, inputs: { user: 'a', code: '123456' } });
    expect(result.status).toBe('failure');
    expect(result.error?.code).toBe('input-invalid');
    expect(result.error?.message).toContain("input 'user'");
    expect(result.error?.message).toContain('minLength');
    expect(transport.sent).toHaveLength(0);
    const refd = await engine.run({
      document: doc,
      inputs: { user: 'ann', code: '123456', paging: { limit: 0 } },
    });
    expect(refd.error?.message).toContain("input 'paging' at /limit");
  });

  it('§Workflow Object inputs: a required input missing (and no provider) is input-missing', async () => {
    const { engine, transport } = memoryEngine(() => ({ status: 200 }));
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, inputs: { user: 'ann' } });
    expect(result.error).toMatchObject({ code: 'input-missing' });
    expect(result.error?.message).toContain("'code'");
    expect(transport.sent).toHaveLength(0);
  });

  it('§Workflow Object inputs: schema defaults are applied, also through $ref to components/inputs', async () => {
    const { engine, transport } = memoryEngine(() => ({ status: 200 }));
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, inputs: { user: 'ann', code: '123456', paging: {} } });
    expect(result.status).toBe('success');
    expect(result.inputs).toMatchObject({ region: 'eu', paging: { limit: 20 } });
    expect(transport.sent[0]?.headers['x-trace']).toBe('ann-eu');
    expect(result.outputs).toEqual({ limit: 20 });
  });

  it('InputProvider: a provided input is resolved when a step first reads it, not before, validated, and announced', async () => {
    const order: string[] = [];
    const { engine } = memoryEngine((req) => {
      order.push(`send:${req.operation.operationId}`);
      return { status: 200, body: { token: 't' } };
    });
    const doc = await loadInline(engine, DOC);
    const provider: InputProvider = {
      resolve: vi.fn((request) => {
        order.push(`provide:${request.name}`);
        return '654321';
      }),
    };
    const resolved: string[] = [];
    const result = await engine.run({
      document: doc,
      inputs: { user: 'ann' },
      inputProviders: { code: provider },
      hooks: { onInputResolved: (e) => resolved.push(e.name) },
    });
    expect(result.status).toBe('success');
    expect(order).toEqual(['send:listPets', 'provide:code', 'send:login']);
    expect(provider.resolve).toHaveBeenCalledTimes(1);
    expect(resolved).toEqual(['code']);
    expect(result.inputs).toMatchObject({ code: '654321' });
  });

  it('InputProvider: time spent waiting for a provided input is not counted in the step duration', async () => {
    let clock = 0;
    const { engine } = memoryEngine(
      () => {
        clock += 7;
        return { status: 200, body: { token: 't' } };
      },
      { now: () => clock },
    );
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({
      document: doc,
      inputs: { user: 'ann' },
      inputProviders: {
        code: {
          resolve: () => {
            clock += 60_000; // a person reading the QR code and typing
            return '654321';
          },
        },
      },
    });
    expect(result.status).toBe('success');
    expect(result.steps.map((s) => s.durationMs)).toEqual([7, 7]);
    expect(result.durationMs).toBeGreaterThanOrEqual(60_000);
  });

  it("InputProvider: a provided value that breaks the input's schema fails with input-invalid before the step is sent", async () => {
    const { engine, transport } = memoryEngine(() => ({ status: 200 }));
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({
      document: doc,
      inputs: { user: 'ann' },
      inputProviders: { code: { resolve: () => 'abc' } },
    });
    expect(result.error).toMatchObject({ code: 'input-invalid', stepId: 'second' });
    expect(transport.sent).toHaveLength(1);
  });

  it('InputProvider: a given input wins over its provider (the provider is never asked)', async () => {
    const { engine } = memoryEngine(() => ({ status: 200 }));
    const doc = await loadInline(engine, DOC);
    const resolve = vi.fn(() => '000000');
    const result = await engine.run({
      document: doc,
      inputs: { user: 'ann', code: '111111' },
      inputProviders: { code: { resolve } },
    });
    expect(result.status).toBe('success');
    expect(resolve).not.toHaveBeenCalled();
  });
});

describe('inputs: formats', () => {
  it('§Workflow Object inputs: a `format` is checked (ajv-formats is loaded only for documents that use one)', async () => {
    const withFormat = DOC.replace(
      'region: { type: string, default: eu }',
      'region: { type: string, default: eu }\n        email: { type: string, format: email }',
    );
    const { engine, transport } = memoryEngine(() => ({ status: 200 }));
    const doc = await loadInline(engine, withFormat);
    const result = await engine.run({
      document: doc,
      inputs: { user: 'ann', code: '123456', email: 'not-an-address' },
    });
    expect(result.error?.code).toBe('input-invalid');
    expect(result.error?.message).toContain("input 'email' must match format");
    expect(transport.sent).toHaveLength(0);
    const ok = await engine.run({
      document: doc,
      inputs: { user: 'ann', code: '123456', email: 'a@b.example' },
    });
    expect(ok.error).toBeUndefined();
  });
});
