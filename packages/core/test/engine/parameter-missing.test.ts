import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const ok = () => ({ status: 200, body: {} });

describe('parameters with no value', () => {
  it('§Parameter Object a path parameter whose expression yields nothing fails the step with parameter-missing; nothing is sent', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    inputs: { type: object, properties: { id: { type: string } } }
    steps:
      - stepId: a
        operationId: getPet
        parameters:
          - { name: petId, in: path, value: $inputs.id }
`,
    );
    const result = await engine.run({ document: doc });
    expect(result.status).toBe('failure');
    expect(result.error?.code).toBe('parameter-missing');
    expect(result.error?.stepId).toBe('a');
    expect(result.error?.message).toContain("'petId'");
    expect(result.error?.message).toContain('$inputs.id');
    expect(transport.sent).toHaveLength(0);
  });

  it('§Parameter Object a path parameter of the template that no parameter supplies fails with parameter-missing (lint refuses it at load unless its rule is turned down)', async () => {
    const refusing = memoryEngine(ok).engine;
    const refused = await loadInline(
      refusing,
      `${PRELUDE}workflows:\n  - workflowId: w\n    steps:\n      - stepId: a\n        operationId: getPet\n`,
    ).catch((e: unknown) => e);
    expect((refused as { code?: string }).code).toBe('document-invalid');
    const { engine, transport } = memoryEngine(ok, { severity: { 'parameter-required-missing': 'warning' } });
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: getPet
`,
    );
    const result = await engine.run({ document: doc });
    expect(result.error?.code).toBe('parameter-missing');
    expect(result.error?.message).toContain("'petId'");
    expect(transport.sent).toHaveLength(0);
  });

  it('§Parameter Object a required query parameter with no value fails; an optional one is left out', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    inputs: { type: object, properties: { q: { type: string } } }
    steps:
      - stepId: optional
        operationId: listPets
        parameters:
          - { name: status, in: query, value: $inputs.q }
      - stepId: required
        operationId: searchPets
        parameters:
          - { name: q, in: query, value: $inputs.q }
`,
    );
    const result = await engine.run({ document: doc });
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]?.url).not.toContain('status');
    expect(result.error?.code).toBe('parameter-missing');
    expect(result.error?.stepId).toBe('required');
    expect(result.error?.message).toContain("query parameter 'q'");
    expect(result.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['optional', 'success'],
      ['required', 'failure'],
    ]);
  });
});
