import { TelaioError } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { declaredInputs } from '../../src/document/declared-inputs.js';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const ok = () => ({ status: 200, body: [] });

describe('declared inputs: one reading for engine and lint', () => {
  it('§Workflow Object parameters: a workflow step gets the located parameters naming inputs its target declares through allOf', async () => {
    const { engine } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}components:
  inputs:
    withB: { type: object, properties: { b: { type: string } } }
workflows:
  - workflowId: outer
    parameters:
      - { name: b, in: query, value: from-outer }
    steps:
      - stepId: s
        workflowId: inner
        outputs: { b: $outputs.b }
    outputs: { b: $steps.s.outputs.b }
  - workflowId: inner
    inputs:
      type: object
      properties: { a: { type: string } }
      allOf: [{ $ref: '#/components/inputs/withB' }]
    steps:
      - stepId: list
        operationId: listPets
    outputs: { b: $inputs.b }
`,
    );
    const result = await engine.run({ document: doc, workflowId: 'outer' });
    expect(result.status).toBe('success');
    expect(result.outputs).toEqual({ b: 'from-outer' });
  });

  it('§Workflow Object inputs: a $ref anywhere in the document is followed, so lint sees an $inputs name the schema forbids and load refuses it', async () => {
    const { engine } = memoryEngine(ok);
    const text = `${PRELUDE}x-schemas:
  shared: { type: object, properties: { a: { type: string } }, additionalProperties: false }
workflows:
  - workflowId: w
    inputs: { $ref: '#/x-schemas/shared' }
    steps:
      - stepId: list
        operationId: listPets
        parameters: [{ name: status, in: query, value: $inputs.c }]
`;
    const error = await loadInline(engine, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelaioError);
    const diagnostics = (error as TelaioError).details?.diagnostics as { code: string; message: string }[];
    expect(diagnostics?.some((d) => d.code === 'reference-unknown' && d.message.includes('$inputs.c'))).toBe(
      true,
    );
  });

  it('declaredInputs is exported: percent-encoded refs, allOf and open schemas', () => {
    const document = {
      components: { inputs: { 'a b': { properties: { x: {} }, allOf: [{ properties: { y: {} } }] } } },
    };
    const names = declaredInputs({ document, workflow: { inputs: { $ref: '#/components/inputs/a%20b' } } });
    expect([...(names ?? [])]).toEqual(['x', 'y']);
    expect(declaredInputs({ document, workflow: { inputs: { anyOf: [] } } })).toBeUndefined();
    expect(declaredInputs({ document, workflow: {} })?.size).toBe(0);
  });
});
