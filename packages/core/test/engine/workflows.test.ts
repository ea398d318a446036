import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const handler = (req: { operation: { operationId?: string }; body?: { value: unknown } }) => {
  if (req.operation.operationId === 'login') {
    const user = (req.body?.value as { user?: string } | undefined)?.user ?? 'anon';
    return { status: 200, body: { token: `tok-${user}` } };
  }
  return { status: 200, body: [{ id: 'p1' }] };
};

describe('workflows', () => {
  it("§Step Object workflowId: the step's parameters become the workflow's inputs and its outputs the step's outputs", async () => {
    const { engine, transport } = memoryEngine(handler);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: main
    steps:
      - stepId: auth
        workflowId: login
        parameters:
          - { name: user, value: ann }
        outputs: { token: $outputs.token }
      - stepId: list
        operationId: listPets
        parameters:
          - { name: Authorization, in: header, value: $steps.auth.outputs.token }
    outputs: { token: $steps.auth.outputs.token }
  - workflowId: login
    inputs: { type: object, required: [user], properties: { user: { type: string } } }
    steps:
      - stepId: call
        operationId: login
        requestBody: { payload: { user: $inputs.user } }
        outputs: { token: $response.body#/token }
    outputs: { token: $steps.call.outputs.token }
`,
    );
    const result = await engine.run({ document: doc, workflowId: 'main' });
    expect(result.status).toBe('success');
    expect(result.outputs).toEqual({ token: 'tok-ann' });
    expect(transport.sent[1]?.headers.authorization).toBe('tok-ann');
    expect(result.steps.map((s) => `${s.workflowId}/${s.stepId}`)).toEqual([
      'login/call',
      'main/auth',
      'main/list',
    ]);
  });

  it('§Workflow Object dependsOn: dependencies complete first, once per run, and their outputs are read through $workflows', async () => {
    const { engine, transport } = memoryEngine(handler);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: main
    inputs: { type: object, properties: { user: { type: string } } }
    dependsOn: [setup, setup2]
    steps:
      - stepId: list
        operationId: listPets
        parameters:
          - { name: Authorization, in: header, value: $workflows.setup.outputs.token }
  - workflowId: setup
    inputs: { type: object, properties: { user: { type: string } } }
    steps:
      - { stepId: s, operationId: login, requestBody: { payload: { user: $inputs.user } }, outputs: { token: $response.body#/token } }
    outputs: { token: $steps.s.outputs.token }
  - workflowId: setup2
    dependsOn: [setup]
    steps:
      - { stepId: s2, operationId: listPets }
`,
    );
    const result = await engine.run({ document: doc, workflowId: 'main', inputs: { user: 'bob' } });
    expect(result.status).toBe('success');
    expect(result.steps.map((s) => s.stepId)).toEqual(['s', 's2', 'list']);
    expect(transport.sent[2]?.headers.authorization).toBe('tok-bob');
  });

  it('§Workflow Object dependsOn: a failed dependency stops the workflow before its steps', async () => {
    const { engine, transport } = memoryEngine(() => ({ status: 500 }));
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: main
    dependsOn: [setup]
    steps: [{ stepId: list, operationId: listPets }]
  - workflowId: setup
    steps: [{ stepId: s, operationId: login, successCriteria: [{ condition: $statusCode == 200 }] }]
`,
    );
    const result = await engine.run({ document: doc, workflowId: 'main' });
    expect(result.error?.code).toBe('dependency-failed');
    expect(transport.sent).toHaveLength(1);
  });

  it("§Step Object workflowId as $sourceDescriptions.<name>.<workflowId> runs a workflow of another Arazzo document, with that document's own sources", async () => {
    const { engine, transport } = memoryEngine(handler);
    const doc = await loadInline(
      engine,
      `arazzo: 1.0.1
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
  - { name: shared, url: ./shared.arazzo.yaml, type: arazzo }
workflows:
  - workflowId: main
    dependsOn: [$sourceDescriptions.shared.auth]
    steps:
      - stepId: viaStep
        workflowId: $sourceDescriptions.shared.auth
        parameters: [{ name: user, value: cy }]
        outputs: { token: $outputs.token }
      - stepId: list
        operationId: $sourceDescriptions.pets.listPets
        parameters:
          - { name: Authorization, in: header, value: $steps.viaStep.outputs.token }
`,
    );
    const result = await engine.run({ document: doc, workflowId: 'main', inputs: {} });
    expect(result.status).toBe('success');
    expect(transport.sent.map((s) => s.url)).toEqual([
      'https://pets.example.test/v1/login',
      'https://pets.example.test/v1/login',
      'https://pets.example.test/v1/pets',
    ]);
    expect(transport.sent[2]?.headers.authorization).toBe('tok-cy');
  });

  it('max-steps guard: an endless goto loop ends with max-steps-exceeded', async () => {
    const { engine } = memoryEngine(handler, { maxSteps: 25 });
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: loop
    steps:
      - { stepId: a, operationId: listPets, onSuccess: [{ name: again, type: goto, stepId: b }] }
      - { stepId: b, operationId: listPets, onSuccess: [{ name: back, type: goto, stepId: a }] }
`,
    );
    const result = await engine.run({ document: doc });
    expect(result.status).toBe('failure');
    expect(result.error?.code).toBe('max-steps-exceeded');
    expect(result.steps.filter((s) => s.status === 'success')).toHaveLength(25);
  });
});
