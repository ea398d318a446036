import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE, workflowW } from './helpers.js';

/** A handler answering each operationId with a queue of statuses (last one repeats). */
const statuses = (plan: Record<string, number[]>) => {
  const seen: Record<string, number> = {};
  return (req: { operation: { operationId?: string } }) => {
    const id = req.operation.operationId ?? '';
    const list = plan[id] ?? [200];
    const i = seen[id] ?? 0;
    seen[id] = i + 1;
    return { status: list[Math.min(i, list.length - 1)] ?? 200, body: { id, n: i } };
  };
};

const run = async (yaml: string, plan: Record<string, number[]>) => {
  const { engine, transport } = memoryEngine(statuses(plan));
  const doc = await loadInline(engine, `${PRELUDE}${yaml}`);
  const result = await engine.run({ document: doc, workflowId: 'w' });
  return { result, ids: result.steps.map((s) => `${s.stepId}:${s.status}`), transport };
};

describe('successCriteria and actions', () => {
  it('§Step Object successCriteria: all assertions must be satisfied', async () => {
    const { result } = await run(
      workflowW(`      - stepId: a
        operationId: listPets
        successCriteria:
          - condition: $statusCode == 200
          - condition: $response.body#/n == 1
`),
      {},
    );
    expect(result.status).toBe('failure');
    expect(result.error).toMatchObject({ code: 'criteria-failed', stepId: 'a' });
  });

  it('§Step Object a step without successCriteria succeeds on any response (nothing to fail), even a 404', async () => {
    const { result } = await run(workflowW('      - { stepId: a, operationId: listPets }\n'), {
      listPets: [404],
    });
    expect(result.status).toBe('success');
    expect(result.steps[0]?.statusCode).toBe(404);
  });

  it.each<[string, string, Record<string, number[]>, string[], string]>([
    [
      '§Step Object onFailure omitted: "the default behavior is to break and return": later steps do not run',
      workflowW(`      - { stepId: a, operationId: listPets, successCriteria: [{ condition: $statusCode == 200 }] }
      - { stepId: b, operationId: getPet, parameters: [{ name: petId, in: path, value: x }] }
`),
      { listPets: [500] },
      ['a:failure', 'b:skipped'],
      'failure',
    ],
    [
      '§Failure Action Object goto stepId: control moves there and the workflow can still succeed',
      workflowW(`      - stepId: a
        operationId: listPets
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure: [{ name: recover, type: goto, stepId: c }]
      - { stepId: b, operationId: addPet }
      - { stepId: c, operationId: getPet, parameters: [{ name: petId, in: path, value: x }] }
`),
      { listPets: [500] },
      ['a:failure', 'c:success', 'b:skipped'],
      'success',
    ],
    // a fails with 503: its own toC (400) does not match; the workflow's toC is overridden; toB matches.
    // b fails with 500: the workflow's toC is not overridden at b → c; c succeeds → workflow successAction end.
    [
      "§Workflow Object successActions/failureActions apply to every step, after the step's own; a step action overrides one of the same name but cannot remove the others",
      `components:
  failureActions:
    toC: { name: toC, type: goto, stepId: c }
workflows:
  - workflowId: w
    failureActions:
      - reference: $components.failureActions.toC
      - { name: toB, type: goto, stepId: b, criteria: [{ condition: $statusCode == 503 }] }
    successActions:
      - { name: finish, type: end, criteria: [{ condition: $response.body#/id == 'getPet' }] }
    steps:
      - stepId: a
        operationId: listPets
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure:
          - { name: toC, type: goto, stepId: d, criteria: [{ condition: $statusCode == 400 }] }
      - { stepId: b, operationId: addPet, successCriteria: [{ condition: $statusCode == 200 }] }
      - { stepId: c, operationId: getPet, parameters: [{ name: petId, in: path, value: x }] }
      - { stepId: d, operationId: login }
`,
      { listPets: [503, 500], addPet: [500] },
      ['a:failure', 'b:failure', 'c:success', 'd:skipped'],
      'success',
    ],
  ])('%s', async (_title, yaml, plan, expectedIds, status) => {
    const { result, ids } = await run(yaml, plan);
    expect(ids).toEqual(expectedIds);
    expect(result.status).toBe(status);
  });

  it('§Step Object onSuccess: the first action whose criteria all hold is executed (goto stepId)', async () => {
    const { ids } = await run(
      workflowW(`      - stepId: a
        operationId: listPets
        onSuccess:
          - { name: never, type: goto, stepId: b, criteria: [{ condition: $statusCode == 201 }] }
          - { name: skip, type: goto, stepId: c, criteria: [{ condition: $statusCode == 200 }] }
          - { name: also, type: goto, stepId: b }
      - { stepId: b, operationId: addPet }
      - { stepId: c, operationId: getPet, parameters: [{ name: petId, in: path, value: x }] }
`),
      {},
    );
    expect(ids).toEqual(['a:success', 'c:success', 'b:skipped']);
  });

  it('§Success Action Object end: the workflow ends successfully with its outputs; later steps do not run', async () => {
    const { result, ids } = await run(
      workflowW(`      - stepId: a
        operationId: listPets
        onSuccess: [{ name: stop, type: end }]
        outputs: { n: $response.body#/n }
      - { stepId: b, operationId: addPet }
    outputs: { n: $steps.a.outputs.n }
`),
      {},
    );
    expect(result.status).toBe('success');
    expect(result.outputs).toEqual({ n: 0 });
    expect(ids).toEqual(['a:success', 'b:skipped']);
  });

  it('§Failure Action Object end: the workflow ends and fails', async () => {
    const { result, ids } = await run(
      workflowW(`      - stepId: a
        operationId: listPets
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure: [{ name: stop, type: end }]
      - { stepId: b, operationId: addPet }
`),
      { listPets: [500] },
    );
    expect(result.status).toBe('failure');
    expect(result.error?.stepId).toBe('a');
    expect(ids).toEqual(['a:failure', 'b:skipped']);
  });

  it('§Success Action Object goto workflowId: a one-way transfer; that workflow runs and this one ends with its outcome', async () => {
    const { result, ids } = await run(
      workflowW(`      - stepId: a
        operationId: listPets
        onSuccess: [{ name: jump, type: goto, workflowId: other }]
      - { stepId: never, operationId: addPet }
    outputs: { got: $workflows.other.outputs.x }
  - workflowId: other
    steps:
      - { stepId: o, operationId: login, outputs: { x: $response.body#/id } }
    outputs: { x: $steps.o.outputs.x }
`),
      {},
    );
    expect(ids).toEqual(['a:success', 'o:success', 'never:skipped']);
    expect(result.status).toBe('success');
    expect(result.outputs).toEqual({ got: 'login' });
  });

  it('§Failure Action Object end: "context returns to the caller with applicable outputs" (outputs of the steps that ran)', async () => {
    const { result } = await run(
      workflowW(`      - { stepId: a, operationId: listPets, outputs: { n: $response.body#/id, q: $request.query.status, u: $url } , parameters: [{ name: status, in: query, value: sold }] }
      - stepId: b
        operationId: addPet
        successCriteria: [{ condition: $statusCode == 201 }]
        onFailure: [{ name: stop, type: end }]
    outputs: { fromA: $steps.a.outputs.n, status: $steps.a.outputs.q, url: $steps.a.outputs.u }
`),
      { addPet: [500] },
    );
    expect(result.status).toBe('failure');
    expect(result.outputs).toEqual({
      fromA: 'listPets',
      status: 'sold',
      url: 'https://pets.example.test/v1/pets?status=sold',
    });
  });
});

describe('skipped steps', () => {
  it('§Step Object / CONTRACT steps: every step a workflow never reached is listed as skipped (attempts 0), after the executed ones', async () => {
    const { result } = await run(
      workflowW(`      - stepId: a
        operationId: listPets
        onSuccess: [{ name: jump, type: goto, stepId: c }]
      - stepId: b
        operationId: listPets
      - stepId: c
        operationId: listPets
        successCriteria: [{ condition: $statusCode == 201 }]
      - stepId: d
        operationId: listPets
`),
      {},
    );
    expect(result.status).toBe('failure');
    expect(result.steps.map((s) => `${s.stepId}:${s.status}`)).toEqual([
      'a:success',
      'c:failure',
      'b:skipped',
      'd:skipped',
    ]);
    expect(result.steps[2]).toEqual({
      stepId: 'b',
      workflowId: 'w',
      status: 'skipped',
      attempts: 0,
      durationMs: 0,
      outputs: {},
    });
  });
});
