import { type Criterion, createCriterionRegistry } from '@telaio/core';
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
  it('xpath-10 runs with XPath 3.1 semantics and says so in a compile warning', () => {
    const c = registry.compile(xpath('xpath-10'));
    expect(c.warnings).toEqual([
      'xpath-10 evaluated with XPath 3.1 semantics: comparisons of strings and numbers differ',
    ]);
    // '1' = 1 is true in XPath 1.0; in 3.1 it is a type error (XPTY0004), which fails the criterion.
    expect(c.test(xml)).toBe(false);
    expect(registry.compile(xpath('xpath-10', '/root/n = 1')).test(xml)).toBe(true);
  });

  it('xpath-20, xpath-30 and the default carry no warning (3.1 reads their expressions alike)', () => {
    for (const version of ['xpath-20', 'xpath-30', undefined]) {
      expect(registry.compile(xpath(version)).warnings).toBeUndefined();
    }
  });

  it('lint reports the xpath-10 reading as a criterion-invalid warning at the condition', () => {
    const text = `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions: [{name: pets, url: ./pets.yaml, type: openapi}]
workflows:
  - workflowId: main
    steps:
      - stepId: s
        operationId: listPets
        successCriteria:
          - context: $response.body
            condition: /root/n = 1
            type: {type: xpath, version: xpath-10}
`;
    const found = findings(lintText(text, { operations: [] }), 'criterion-invalid');
    expect(found).toMatchObject([
      { line: 11, severity: 'warning', pointer: '/workflows/0/steps/0/successCriteria/0/condition' },
    ]);
    expect(found[0]!.message).toMatch(/xpath-10 evaluated with XPath 3\.1 semantics/);
  });
});
