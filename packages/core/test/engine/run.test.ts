import { createEngine, TransportError } from '@telaio/core';
import { createMemoryTransport } from '@telaio/core/testing';
import { describe, expect, it } from 'vitest';
import { fixture, loadInline, memoryEngine, PRELUDE } from './helpers.js';

const TWO_STEPS = `${PRELUDE}workflows:
  - workflowId: w
    inputs: { type: object, properties: { n: { type: integer } } }
    steps:
      - stepId: a
        operationId: listPets
        parameters: [{ name: limit, in: query, value: $inputs.n }, { name: X-Trace, in: header, value: 'n={$inputs.n}' }]
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { n: $response.body#/n }
      - stepId: b
        operationId: getPet
        parameters: [{ name: petId, in: path, value: $steps.a.outputs.n }]
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure: [{ name: again, type: retry, retryAfter: 30, retryLimit: 3 }]
        outputs: { id: $response.body#/id }
    outputs: { n: $steps.a.outputs.n, id: $steps.b.outputs.id }
`;

describe('runs', () => {
  it('§Runtime Expressions "preserve the type of the referenced value"; embedded ones are stringified into their template', async () => {
    const { engine, transport } = memoryEngine((req) => ({
      status: 200,
      body: { n: Number(req.parameters[0]?.value ?? 0), id: 'x' },
    }));
    const doc = await loadInline(engine, TWO_STEPS);
    const result = await engine.run({ document: doc, inputs: { n: 4 } });
    expect(result.outputs).toEqual({ n: 4, id: 'x' });
    expect(transport.prepared[0]?.parameters).toEqual([
      { name: 'limit', in: 'query', value: 4 },
      { name: 'X-Trace', in: 'header', value: 'n=4' },
    ]);
    expect(transport.prepared[1]?.parameters).toEqual([{ name: 'petId', in: 'path', value: 4 }]);
  });

  it('one loaded document runs 50 times at once with different inputs, each run keeping its own state', async () => {
    const { engine } = memoryEngine(async (req) => {
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      const p = req.parameters[0];
      return { status: 200, body: { n: Number(p?.value), id: `pet-${p?.value}` } };
    });
    const doc = await loadInline(engine, TWO_STEPS);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, n) => engine.run({ document: doc, inputs: { n } })),
    );
    results.forEach((r, n) => {
      expect(r.status).toBe('success');
      expect(r.outputs).toEqual({ n, id: `pet-${n}` });
    });
    expect(new Set(results.map((r) => r.steps)).size).toBe(50);
  });

  it('a pointer that reaches nothing yields undefined and an onMissingValue event, never a crash', async () => {
    const { engine, transport } = memoryEngine(() => ({ status: 200, body: { other: 1 } }));
    const doc = await loadInline(engine, TWO_STEPS);
    const missing: string[] = [];
    const result = await engine.run({
      document: doc,
      inputs: { n: 1 },
      hooks: { onMissingValue: (e) => missing.push(`${e.stepId}:${e.expression}`) },
    });
    expect(missing).toContain('a:$response.body#/n');
    expect(result.steps[0]?.outputs).toEqual({});
    // b's path parameter then has no value: the step fails as data and nothing is sent for it.
    expect(missing).toContain('b:$steps.a.outputs.n');
    expect(result.error?.code).toBe('parameter-missing');
    expect(transport.sent).toHaveLength(1);
  });

  it('cancellation: aborting during a retry wait ends the run with `aborted`', async () => {
    const transport = createMemoryTransport(() => ({ status: 500, body: { n: 1 } }));
    const controller = new AbortController();
    const engine = createEngine({
      transport,
      cache: false,
      sleep: (_ms, signal) =>
        new Promise((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')));
          controller.abort();
        }),
    });
    const doc = await loadInline(
      engine,
      TWO_STEPS.replace(
        '$statusCode == 200 }]\n        outputs: { n:',
        '$statusCode == 500 }]\n        outputs: { n:',
      ),
    );
    const result = await engine.run({ document: doc, inputs: { n: 1 }, signal: controller.signal });
    expect(result.error?.code).toBe('aborted');
    expect(result.error?.stepId).toBe('b');
    expect(transport.sent).toHaveLength(2);
  });

  it('cancellation: aborting during a send aborts the transport and ends with `aborted`', async () => {
    const controller = new AbortController();
    const { engine } = memoryEngine(() => {
      setTimeout(() => controller.abort(), 5);
      return new Promise(() => {});
    });
    const doc = await loadInline(engine, TWO_STEPS);
    const result = await engine.run({ document: doc, inputs: { n: 1 }, signal: controller.signal });
    expect(result).toMatchObject({ status: 'failure', error: { code: 'aborted', stepId: 'a' } });
  });

  it('a request that gets no response fails the step with transport-error (failure as data)', async () => {
    const { engine } = memoryEngine(() => {
      throw new TransportError('ECONNREFUSED', 'connect ECONNREFUSED');
    });
    const doc = await loadInline(engine, TWO_STEPS);
    const result = await engine.run({ document: doc, inputs: { n: 1 } });
    expect(result).toMatchObject({ status: 'failure', error: { code: 'transport-error', stepId: 'a' } });
    expect(result.error?.message).toContain('ECONNREFUSED');
  });

  it('events: workflow, step, request, response, criterion, retry and action events arrive in order', async () => {
    let calls = 0;
    const { engine } = memoryEngine(() => ({ status: ++calls === 2 ? 503 : 200, body: { n: 1, id: 'z' } }));
    const doc = await loadInline(engine, TWO_STEPS);
    const events: string[] = [];
    const result = await engine.run({
      document: doc,
      inputs: { n: 1 },
      hooks: {
        onWorkflowStart: (e) => events.push(`wf-start:${e.workflowId}`),
        onStepStart: (e) => events.push(`step:${e.stepId}#${e.attempt}`),
        onRequest: (e) => events.push(`req:${e.stepId}`),
        onResponse: (e) => events.push(`res:${e.response.statusCode}`),
        onCriterion: (e) => events.push(`crit:${e.of}:${e.passed}`),
        onAction: (e) => events.push(`action:${e.type}:${e.name}`),
        onRetry: (e) => events.push(`retry:${e.delayMs}`),
        onStepEnd: (e) => events.push(`end:${e.result.stepId}:${e.result.status}`),
        onWorkflowEnd: (e) => events.push(`wf-end:${e.result.status}`),
      },
    });
    expect(result.status).toBe('success');
    expect(events).toEqual([
      'wf-start:w',
      'step:a#1',
      'req:a',
      'res:200',
      'crit:success:true',
      'end:a:success',
      'step:b#1',
      'req:b',
      'res:503',
      'crit:success:false',
      'action:retry:again',
      'retry:30000',
      'step:b#2',
      'req:b',
      'res:200',
      'crit:success:true',
      'end:b:success',
      'wf-end:success',
    ]);
  });

  it('load refuses a document with error diagnostics (TelaioError document-invalid carrying them)', async () => {
    const { engine } = memoryEngine(() => ({ status: 200 }));
    const error = await loadInline(
      engine,
      `${PRELUDE}workflows:\n  - workflowId: w\n    steps:\n      - { stepId: a, operationId: nope }\n`,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'document-invalid' });
    const diagnostics = (error as { details: { diagnostics: { code: string }[] } }).details.diagnostics;
    expect(diagnostics.map((d) => d.code)).toContain('operation-unknown');
  });

  it('run() names the workflow when a document has several, and refuses an unknown one', async () => {
    const { engine } = memoryEngine(() => ({ status: 200 }));
    const doc = await engine.load(fixture('pets.arazzo.yaml'));
    await expect(engine.run({ document: doc, workflowId: 'nope' })).rejects.toMatchObject({
      code: 'workflow-unknown',
    });
  });

  it('servers option: a base URL per source overrides the OpenAPI servers', async () => {
    const { engine, transport } = memoryEngine(() => ({ status: 200, body: { n: 1 } }), {
      servers: { pets: 'http://127.0.0.1:9/api' },
    });
    const doc = await loadInline(engine, TWO_STEPS);
    await engine.run({ document: doc, inputs: { n: 1 } });
    expect(transport.sent[0]?.url).toBe('http://127.0.0.1:9/api/pets?limit=1');
  });
});
