import { type Criterion, CriterionSyntaxError, createCriterionRegistry } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { findings, lintText } from '../lint/lint-fixture.js';
import { makeContext } from './ctx.js';

const registry = createCriterionRegistry();
const xml = makeContext({ response: { headers: {}, body: '<root><n>1</n></root>' } });
const xpath = (version: string | undefined, condition = "'1' = 1"): Criterion => ({
  context: '$response.body',
  condition,
  type: version === undefined ? 'xpath' : { type: 'xpath', version },
});

describe('xpath versions (Arazzo 1.0.1 §4.6.11 Criterion Expression Type Object)', () => {
  it("xpath-10 runs XPath 1.0: '1' = 1 converts the string and holds, with no warning", () => {
    const c = registry.compile(xpath('xpath-10'));
    expect(c.warnings).toBeUndefined();
    expect(c.test(xml)).toBe(true);
    expect(registry.compile(xpath('xpath-10', "'1' = 2")).test(xml)).toBe(false);
    expect(registry.compile(xpath('xpath-10', "1 = '1.0'")).test(xml)).toBe(true);
  });

  it("xpath-30, xpath-20 and the default run XPath 3.1: '1' = 1 is a type error, which fails (no throw)", () => {
    for (const version of ['xpath-30', 'xpath-20', undefined]) {
      const c = registry.compile(xpath(version));
      expect(c.warnings).toBeUndefined();
      expect(c.test(xml)).toBe(false);
    }
  });

  it('xpath-10 node-set comparisons: existential, against numbers, strings and other node-sets', () => {
    const doc = makeContext({
      response: { headers: {}, body: '<r><n>1</n><n>5</n><s>abc</s><m>5</m><a x="9"/></r>' },
    });
    const holds = (condition: string): boolean => registry.compile(xpath('xpath-10', condition)).test(doc);
    // A node-set equals a value when some node's string value (converted as needed) does.
    expect(holds('/r/n = 5')).toBe(true);
    expect(holds('/r/n = 2')).toBe(false);
    expect(holds("/r/n = '1'")).toBe(true);
    // != is also existential: some node differs from 1.
    expect(holds('/r/n != 1')).toBe(true);
    expect(holds('/r/n > 4 and /r/n < 2')).toBe(true);
    // Two node-sets: some pair of nodes compares true.
    expect(holds('/r/n = /r/m')).toBe(true);
    expect(holds('/r/n = /r/s')).toBe(false);
    expect(holds('/r/n < /r/a/@x')).toBe(true);
    // An empty node-set equals nothing, and its != holds for nothing either.
    expect(holds('/r/missing = 1')).toBe(false);
    expect(holds('/r/missing != 1')).toBe(false);
    // Truthiness: non-empty node-set, non-zero number, non-empty string, true boolean.
    expect(holds('/r/n')).toBe(true);
    expect(holds('/r/missing')).toBe(false);
    expect(holds('count(/r/n)')).toBe(true);
    expect(holds('count(/r/missing)')).toBe(false);
    expect(holds('string(/r/s)')).toBe(true);
    expect(holds('string(/r/missing)')).toBe(false);
    expect(holds('0 div 0')).toBe(false);
  });

  it('xpath-10 rejects a syntax error at compile with CriterionSyntaxError', () => {
    for (const condition of ['/root/n[', '1 +', "'unterminated", '/root # 1']) {
      expect(() => registry.compile(xpath('xpath-10', condition))).toThrow(CriterionSyntaxError);
      expect(() => registry.compile(xpath('xpath-10', condition))).toThrow(/bad XPath 1\.0/);
    }
  });

  it('xpath-10: an error while evaluating (unknown function, unbound variable) fails the criterion', () => {
    expect(registry.compile(xpath('xpath-10', 'nope(/root)')).test(xml)).toBe(false);
    expect(registry.compile(xpath('xpath-10', '$v = 1')).test(xml)).toBe(false);
  });

  it('xpath-10 fails on a body that is not well-formed XML, reporting it', () => {
    const missing: string[] = [];
    const c = registry.compile(xpath('xpath-10', '/root'));
    const bad = makeContext({ response: { headers: {}, body: '<root><a></root>' } });
    expect(c.test(bad, (m) => missing.push(m.reason))).toBe(false);
    expect(missing).toEqual(['the context is not well-formed XML']);
  });

  it('lint reports nothing for a well-formed xpath-10 criterion and a syntax error at the condition', () => {
    const doc = (condition: string): string => `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions: [{name: pets, url: ./pets.yaml, type: openapi}]
workflows:
  - workflowId: main
    steps:
      - stepId: s
        operationId: listPets
        successCriteria:
          - context: $response.body
            condition: ${JSON.stringify(condition)}
            type: {type: xpath, version: xpath-10}
`;
    expect(findings(lintText(doc("/root/n = '1'"), { operations: [] }), 'criterion-invalid')).toEqual([]);
    const found = findings(lintText(doc('/root/n['), { operations: [] }), 'criterion-invalid');
    expect(found).toMatchObject([
      { line: 11, severity: 'error', pointer: '/workflows/0/steps/0/successCriteria/0/condition' },
    ]);
    expect(found[0]!.message).toMatch(/bad XPath 1\.0/);
  });
});
