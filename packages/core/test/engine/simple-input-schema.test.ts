import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDocumentAjv, createInputValidator } from '../../src/engine/plan/create-input-validator.js';
import { simpleInputSchema } from '../../src/engine/plan/simple-input-schema.js';
import type { ArazzoDocument } from '../../src/model/arazzo.js';

const TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'object', 'array'] as const;
const names = ['a', 'b', 'user_id', 'code'];
const anyValue = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant({ x: 1 }),
  fc.constant([1]),
);
const propertySchema = fc.record(
  { type: fc.constantFrom(...TYPES), default: anyValue, description: fc.constant('d') },
  { requiredKeys: [] },
);
const inputSchema = fc.record({
  type: fc.constant('object'),
  required: fc.subarray(names),
  properties: fc.dictionary(fc.constantFrom(...names), propertySchema),
});
const inputs = fc.dictionary(fc.constantFrom(...names), anyValue);

/** A validator that always goes through ajv: the schema gets a keyword outside the subset. */
function ajvOnly(schema: Record<string, unknown>) {
  const document = { workflows: [{ inputs: { ...schema, minProperties: 0 } }] } as unknown as ArazzoDocument;
  return createInputValidator({ ajv: createDocumentAjv({ document }), document, workflowIndex: 0 });
}

function subset(schema: Record<string, unknown>) {
  const document = { workflows: [{ inputs: schema }] } as unknown as ArazzoDocument;
  return createInputValidator({ ajv: () => expect.fail('ajv loaded'), document, workflowIndex: 0 });
}

describe('workflow inputs in the simple subset, checked without ajv', () => {
  it('gives the same verdict, message and defaults as ajv (property test)', () => {
    fc.assert(
      fc.property(inputSchema, inputs, fc.subarray(names), (schema, given, deferred) => {
        const fast = subset(schema).validate(given, new Set(deferred));
        const slow = ajvOnly(schema).validate(given, new Set(deferred));
        expect(fast.value).toEqual(slow.value);
        expect(fast.error).toEqual(slow.error);
        for (const name of Object.keys(schema.properties))
          for (const value of Object.values(given))
            expect(subset(schema).validateOne(name, value)).toEqual(ajvOnly(schema).validateOne(name, value));
      }),
      {
        numRuns: 300,
        examples: [[{ type: 'object', required: [], properties: { a: { default: -0 } } }, {}, []]],
      },
    );
    // ~1.5 s on an idle machine (ajv compiles a validator per check); room for a loaded CI machine.
  }, 60_000);

  it('leaves $ref, formats, union types and other keywords to ajv', () => {
    const path = 'https://telaio.invalid/arazzo.json#/workflows/0/inputs';
    expect(simpleInputSchema({ type: 'object', properties: { a: { type: 'string' } } }, path)).toBeDefined();
    for (const schema of [
      { $ref: '#/components/inputs/x' },
      { type: 'object', properties: { a: { $ref: '#/x' } } },
      { type: 'object', properties: { a: { type: 'string', format: 'email' } } },
      { type: 'object', properties: { a: { type: ['string', 'null'] } } },
      { type: 'object', properties: { a: { type: 'string', minLength: 2 } } },
      { type: 'object', properties: { 'a/b': { type: 'string' } } },
      { type: 'object', additionalProperties: false },
      { type: 'array' },
    ])
      expect(simpleInputSchema(schema, path)).toBeUndefined();
  });
});
