import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine } from './helpers.js';

// 1.1.0 §Step Object `timeout` on a step that runs a workflow: the nested run gets its own signal
// (the run's combined with the step's timer), so every request and wait inside it stops when the
// timeout elapses, and the workflow step fails with `step-timeout` into its onFailure actions.

const PRELUDE11 = `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
`;

/** listPets hangs until its request is aborted; addPet answers at once; login hangs the first `slowLogins` times. */
const handlerWith = (slowLogins = Number.POSITIVE_INFINITY) => {
  let logins = 0;
  return (req: { operation: { operationId?: string } }) => {
    const id = req.operation.operationId;
    if (id === 'login' && ++logins > slowLogins) return { status: 200, body: { token: 't' } };
    if (id === 'listPets' || id === 'login') return new Promise<never>(() => {});
    return { status: 201, body: { ok: true } };
  };
};

const DOC = `${PRELUDE11}workflows:
  - workflowId: outer
    steps:
      - stepId: nested
        workflowId: hangs
        timeout: 80
        onFailure:
          - { name: recover, type: goto, stepId: fallback, criteria: [{ condition: $statusCode == 201 }] }
      - stepId: after
        operationId: addPet
        onSuccess: [{ name: done, type: end }]
      - stepId: fallback
        operationId: addPet
  - workflowId: plain
    steps:
      - stepId: nested
        workflowId: hangs
        timeout: 80
  - workflowId: hangs
    steps:
      - stepId: first
        operationId: addPet
      - stepId: stuck
        operationId: listPets
  - workflowId: waits
    steps:
      - stepId: nested
        workflowId: retriesSlowly
        timeout: 80
  - workflowId: retriesSlowly
    steps:
      - stepId: again
        operationId: addPet
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure: [{ name: later, type: retry, retryAfter: 60, retryLimit: 3 }]
  - workflowId: quick
    steps:
      - stepId: nested
        workflowId: fast
        timeout: 60000
        outputs: { ok: $outputs.ok }
  - workflowId: fast
    steps:
      - stepId: add
        operationId: addPet
        outputs: { ok: $response.body#/ok }
    outputs: { ok: $steps.add.outputs.ok }
  - workflowId: retried
    steps:
      - stepId: nested
        workflowId: signIn
        timeout: 80
        onFailure: [{ name: again, type: retry, retryLimit: 1 }]
  - workflowId: signIn
    steps:
      - stepId: login
        operationId: login
`;

describe('1.1.0 §Step Object timeout on workflow steps', () => {
  it('§Step Object timeout: a nested run still going when the timeout elapses is stopped and the step fails with step-timeout', async () => {
    const { engine } = memoryEngine(handlerWith());
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, workflowId: 'plain' });
    expect(result.status).toBe('failure');
    expect(result.error).toMatchObject({ code: 'step-timeout', stepId: 'nested' });
    expect(result.error?.message).toMatch(/step 'nested' did not complete within its timeout of 80 ms/);
    expect(result.error?.message).toMatch(/at step 'stuck'/);
    const stuck = result.steps.find((s) => s.stepId === 'stuck');
    expect(stuck).toMatchObject({ workflowId: 'hangs', status: 'failure' });
    expect(stuck?.reason).toMatch(/^stopped: step 'nested' did not complete within its timeout of 80 ms/);
    expect(result.steps.find((s) => s.stepId === 'first')?.status).toBe('success');
  });

  it("§Step Object timeout, §Failure Action Object: the timed-out step's onFailure actions apply (a goto recovers)", async () => {
    const { engine, transport } = memoryEngine(handlerWith());
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, workflowId: 'outer' });
    expect(result.status).toBe('success');
    expect(result.steps.map((s) => `${s.workflowId}/${s.stepId}:${s.status}`)).toEqual([
      'hangs/first:success',
      'hangs/stuck:failure',
      'outer/nested:failure',
      'outer/fallback:success',
      'outer/after:skipped',
    ]);
    expect(transport.sent.map((s) => s.method)).toEqual(['POST', 'GET', 'POST']);
  });

  it('§Step Object timeout: a wait inside the nested run (a retryAfter) is cut short by the timeout', async () => {
    // A sleep that only its signal ends: the one-minute retryAfter stops only if the step's signal reaches it.
    const sleep = (_ms: number, signal: AbortSignal) =>
      new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    const { engine } = memoryEngine(handlerWith(), { sleep });
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, workflowId: 'waits' });
    expect(result.error).toMatchObject({ code: 'step-timeout', stepId: 'nested' });
    const again = result.steps.find((s) => s.stepId === 'again');
    expect(again?.reason).toMatch(/^stopped: step 'nested'/);
    expect(again?.attempts).toBe(1);
  });

  it('§Step Object timeout: a nested run that completes in time is untouched (its outputs become the step outputs)', async () => {
    const { engine } = memoryEngine(handlerWith());
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, workflowId: 'quick' });
    expect(result.status).toBe('success');
    expect(result.steps.find((s) => s.stepId === 'nested')?.outputs).toEqual({ ok: true });
  });

  it('§Step Object timeout, §Failure Action Object retry: each attempt of the workflow step gets a fresh timeout', async () => {
    const { engine } = memoryEngine(handlerWith(1));
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, workflowId: 'retried' });
    expect(result.status).toBe('success');
    expect(result.steps.find((s) => s.stepId === 'nested')).toMatchObject({ status: 'success', attempts: 2 });
  });

  it("§Step Object timeout: cancelling the run inside a timed workflow step is 'aborted', not a timeout", async () => {
    const { engine } = memoryEngine(handlerWith());
    const doc = await loadInline(engine, DOC.replaceAll('timeout: 80', 'timeout: 60000'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await engine.run({ document: doc, workflowId: 'plain', signal: controller.signal });
    expect(result.error).toMatchObject({ code: 'aborted' });
    expect(result.steps.find((s) => s.stepId === 'stuck')?.reason).toBe('the run was aborted');
  });
});
