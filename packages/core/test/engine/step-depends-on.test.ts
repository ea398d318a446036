import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine } from './helpers.js';

const PRELUDE_11 = `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
`;

const pet = (id: string) => ({ status: 200, body: { id, name: `pet ${id}` } });

describe('1.1.0 §Step Dependencies and Execution Order', () => {
  it('Tool Behavior: runs a step after the steps it dependsOn and whose outputs it reads, even when written first', async () => {
    const { engine } = memoryEngine((request) => pet(String(request.parameters[0]?.value)));
    const doc = await loadInline(
      engine,
      `${PRELUDE_11}workflows:
  - workflowId: w
    steps:
      - stepId: second
        operationId: getPet
        dependsOn: [first]
        parameters: [{ name: petId, in: path, value: $steps.first.outputs.id }]
        outputs: { name: $response.body#/name }
      - stepId: first
        operationId: getPet
        parameters: [{ name: petId, in: path, value: p1 }]
        outputs: { id: $response.body#/id }
      - stepId: third
        operationId: getPet
        parameters: [{ name: petId, in: path, value: $steps.second.outputs.name }]
`,
    );
    const result = await engine.run({ document: doc });
    expect(result.error).toBeUndefined();
    expect(result.steps.map((s) => s.stepId)).toEqual(['first', 'second', 'third']);
    expect(result.steps[1]?.outputs).toEqual({ name: 'pet p1' });
  });

  it('Step Object dependsOn: a step of another workflow that has not completed in this run fails the step (it is not run for it)', async () => {
    const { engine, transport } = memoryEngine(() => pet('p1'));
    const doc = await loadInline(
      engine,
      `${PRELUDE_11}workflows:
  - workflowId: w
    steps:
      - stepId: late
        operationId: getPet
        dependsOn: [$workflows.other.steps.prepare]
        parameters: [{ name: petId, in: path, value: p1 }]
  - workflowId: other
    steps:
      - stepId: prepare
        operationId: getPet
        parameters: [{ name: petId, in: path, value: p1 }]
`,
    );
    const result = await engine.run({ document: doc, workflowId: 'w' });
    expect(result.status).toBe('failure');
    expect(result.error).toMatchObject({ code: 'dependency-unmet', stepId: 'late' });
    expect(result.error?.message).toMatch(/'\$workflows\.other\.steps\.prepare', which has not completed/);
    expect(transport.sent).toHaveLength(0);
  });
});
