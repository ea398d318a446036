import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const failingThen = (failures: number, headers: Record<string, string> = {}) => {
  let calls = 0;
  return (req: { operation: { operationId?: string } }) => {
    if (req.operation.operationId !== 'listPets')
      return { status: 200, body: { id: req.operation.operationId } };
    calls += 1;
    return calls <= failures ? { status: 503, headers, body: { calls } } : { status: 200, body: { calls } };
  };
};

const doc = (onFailure: string, extraSteps = '') => `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure:
${onFailure}${extraSteps}`;

describe('retry', () => {
  it('§Failure Action Object retryLimit: "If not specified then a single retry SHALL be attempted"', async () => {
    const { engine, transport, sleeps } = memoryEngine(failingThen(5));
    const d = await loadInline(engine, doc('          - { name: again, type: retry, retryAfter: 0.25 }\n'));
    const result = await engine.run({ document: d });
    expect(transport.sent).toHaveLength(2);
    expect(result.status).toBe('failure');
    expect(result.steps[0]?.attempts).toBe(2);
    expect(sleeps).toEqual([250]);
  });

  it('§Failure Action Object retryAfter is seconds before the next attempt; the step succeeds when an attempt does', async () => {
    const { engine, transport, sleeps } = memoryEngine(failingThen(2));
    const d = await loadInline(
      engine,
      doc('          - { name: again, type: retry, retryAfter: 1.5, retryLimit: 3 }\n'),
    );
    const result = await engine.run({ document: d });
    expect(result.status).toBe('success');
    expect(transport.sent).toHaveLength(3);
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ status: 'success', attempts: 3, statusCode: 200 });
    expect(sleeps).toEqual([1500, 1500]);
  });

  it('§Failure Action Object an HTTP Retry-After header overrules retryAfter', async () => {
    const { engine, sleeps } = memoryEngine(failingThen(1, { 'Retry-After': '7' }));
    const d = await loadInline(engine, doc('          - { name: again, type: retry, retryAfter: 1 }\n'));
    expect((await engine.run({ document: d })).status).toBe('success');
    expect(sleeps).toEqual([7000]);
  });

  it('§Failure Action Object retryLimit 0 never retries; "The retryLimit MUST be exhausted prior to executing subsequent failure actions"', async () => {
    const { engine, transport } = memoryEngine(failingThen(10));
    const d = await loadInline(
      engine,
      doc(
        `          - { name: again, type: retry, retryLimit: 2 }
          - { name: toB, type: goto, stepId: b }
`,
        '      - { stepId: b, operationId: login }\n',
      ),
    );
    const result = await engine.run({ document: d });
    expect(transport.sent.map((s) => s.url.split('/').pop())).toEqual(['pets', 'pets', 'pets', 'login']);
    expect(result.steps.map((s) => `${s.stepId}:${s.attempts}`)).toEqual(['a:3', 'b:1']);
    const zero = memoryEngine(failingThen(10));
    const z = await loadInline(zero.engine, doc('          - { name: again, type: retry, retryLimit: 0 }\n'));
    await zero.engine.run({ document: z });
    expect(zero.transport.sent).toHaveLength(1);
  });

  it('§Failure Action Object retry with a stepId runs that step first, then retries the current step', async () => {
    const { engine, transport } = memoryEngine(failingThen(1));
    const d = await loadInline(
      engine,
      doc(
        '          - { name: refresh, type: retry, stepId: b }\n',
        '      - { stepId: b, operationId: login, outputs: { t: $response.body#/id } }\n',
      ),
    );
    const result = await engine.run({ document: d });
    expect(transport.sent.map((s) => s.url.split('/').pop())).toEqual(['pets', 'login', 'pets', 'login']);
    expect(result.steps.map((s) => s.stepId)).toEqual(['b', 'a', 'b']);
    expect(result.status).toBe('success');
  });

  it('§Failure Action Object retry with a workflowId runs that workflow first, then retries', async () => {
    const { engine, transport } = memoryEngine(failingThen(1));
    const d = await loadInline(
      engine,
      `${doc('          - { name: refresh, type: retry, workflowId: refresh }\n')}  - workflowId: refresh
    steps:
      - { stepId: r, operationId: login }
`,
    );
    const result = await engine.run({ document: d, workflowId: 'w' });
    expect(transport.sent.map((s) => s.url.split('/').pop())).toEqual(['pets', 'login', 'pets']);
    expect(result.status).toBe('success');
  });

  it('§Failure Action Object a retry whose criteria do not hold is skipped', async () => {
    const { engine, transport } = memoryEngine(failingThen(5));
    const d = await loadInline(
      engine,
      doc("          - { name: on429, type: retry, criteria: [{ condition: '$statusCode == 429' }] }\n"),
    );
    const result = await engine.run({ document: d });
    expect(transport.sent).toHaveLength(1);
    expect(result.error?.code).toBe('criteria-failed');
  });
});
