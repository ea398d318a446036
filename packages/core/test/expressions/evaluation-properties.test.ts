import { compileValue, createCriterionRegistry, type ExpressionContext } from '@telaio/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const json = fc.jsonValue({ maxDepth: 3 });
const record = fc.dictionary(
  fc.constantFrom('a', 'b', 'x.y', 'list', '0', 'constructor', '__proto__'),
  json,
  { maxKeys: 4 },
);
const context: fc.Arbitrary<ExpressionContext> = fc.record({
  statusCode: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
  response: fc.option(
    fc.record({ headers: fc.dictionary(fc.constantFrom('a', 'x-y'), fc.string()), body: json }),
    { nil: undefined },
  ),
  inputs: record,
  outputs: record,
  steps: fc.dictionary(fc.constantFrom('s', 't'), fc.record({ outputs: record })),
  workflows: fc.constant({}),
  sourceDescriptions: fc.constant({}),
  components: fc.constant({}),
});

const expressions = [
  '$statusCode',
  '$response.body',
  '$response.body#/a/0/b',
  '$response.body#/list/-',
  '$response.header.A',
  '$inputs.a',
  '$inputs.x.y#/0',
  '$inputs.constructor',
  '$outputs.b#/a~1b',
  '$steps.s.outputs.list#/1',
  '$steps.t.outputs.a.b.c',
  '$components.parameters.p',
];
const conditions = [
  '$statusCode == 200 && $response.body.a != null',
  '$response.body.list[0].b > $inputs.a || !$outputs.b',
  "$response.body#/a == 'X''y' || $response.header.x-y >= 3",
  '$steps.s.outputs.list.length > 0',
];

describe('property: evaluation never throws, whatever the data', () => {
  it('compileValue().evaluate over random contexts', () => {
    const compiled = compileValue({ whole: expressions, text: expressions.map((e) => `<{${e}}>`).join('') });
    fc.assert(
      fc.property(context, (ctx) => {
        let misses = 0;
        const out = compiled.evaluate(ctx, () => misses++) as { text: string };
        expect(typeof out.text).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
  it('compiled criteria of every type return a boolean over random contexts', () => {
    const registry = createCriterionRegistry();
    const compiled = [
      ...conditions.map((condition) => registry.compile({ condition })),
      registry.compile({ context: '$response.body', condition: '$..[?@.a > 1]', type: 'jsonpath' }),
      registry.compile({ context: '$response.body', condition: '$.list.length > 1', type: 'jsonpath' }),
      registry.compile({
        context: '$response.body',
        condition: '$..a',
        type: { type: 'jsonpath', version: 'draft-goessner-dispatch-jsonpath-00' },
      }),
      registry.compile({ context: '$response.body', condition: '^\\{', type: 'regex' }),
      registry.compile({ context: '$response.body', condition: '//a', type: 'xpath' }),
    ];
    fc.assert(
      fc.property(context, (ctx) => {
        for (const c of compiled) expect(typeof c.test(ctx, () => {})).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
