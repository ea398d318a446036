import { type Criterion, CriterionSyntaxError, createCriterionRegistry } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from '../engine/helpers.js';
import { findings, lintText } from '../lint/lint-fixture.js';
import { makeContext } from './ctx.js';

const registry = createCriterionRegistry();
const named = (name: string) => makeContext({ response: { headers: {}, body: { name } } });
const regex = (condition: string): Criterion => ({
  context: '$response.body#/name',
  condition,
  type: 'regex',
});

describe('{$...} in regex/jsonpath/xpath conditions follows the document version', () => {
  it('1.0.x: the condition is literal (^a{$ is a regex), with a warning naming the 1.1 reading', () => {
    const c = registry.compile(regex('^a{$'), { arazzoVersion: '1.0.1' });
    expect(c.test(named('a{'))).toBe(true);
    expect(c.warnings).toHaveLength(1);
    expect(c.warnings?.[0]).toMatch(/taken literally under Arazzo 1\.0\.1.*under Arazzo 1\.1/);
    const x = registry.compile(regex('x{$y}'), { arazzoVersion: '1.0.0' });
    expect(x.test(named('x{$y}'))).toBe(false); // `$` is an anchor, nothing is substituted
    expect(x.warnings).toHaveLength(1);
  });

  it('1.1.x (and no version): embedded expressions are evaluated first', () => {
    const ctx = makeContext({ response: { headers: {}, body: { name: 'ok' } }, inputs: { p: 'ok|fine' } });
    for (const options of [{ arazzoVersion: '1.1.0' }, {}]) {
      const c = registry.compile(regex('^({$inputs.p})$'), options);
      expect(c.test(ctx)).toBe(true);
      expect(c.warnings).toBeUndefined();
    }
    expect(() => registry.compile(regex('^a{$'), { arazzoVersion: '1.1.0' })).toThrow(CriterionSyntaxError);
    const xpath = { context: '$response.body', condition: '/r[n > {$inputs.n}]', type: 'xpath' } as const;
    expect(() => registry.compile(xpath, { arazzoVersion: '1.0.1' })).toThrow(
      /bad XPath.*taken literally under Arazzo 1\.0\.1/,
    );
    expect(() => registry.compile(xpath, { arazzoVersion: '1.1.0' })).not.toThrow();
    const plain = registry.compile(regex('^ok$'), { arazzoVersion: '1.0.1' });
    expect(plain.warnings).toBeUndefined();
  });

  it('lint passes the document version: a 1.0.1 condition with {$ is a criterion-invalid warning', () => {
    const text = `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions: [{name: pets, url: ./pets.yaml, type: openapi}]
workflows:
  - workflowId: main
    steps:
      - stepId: s
        operationId: listPets
        successCriteria:
          - context: $response.body#/name
            condition: '^a{$'
            type: regex
`;
    const found = findings(lintText(text, { operations: [] }), 'criterion-invalid');
    expect(found).toMatchObject([{ line: 11, severity: 'warning' }]);
    expect(found[0]!.message).toMatch(/^regex criterion: '\{\$' is taken literally under Arazzo 1\.0\.1/);
  });

  it('the engine passes the document version: a 1.0.1 literal pattern compiles and holds', async () => {
    const { engine } = memoryEngine(() => ({ status: 200, headers: {}, body: { name: 'a{' } }));
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        successCriteria:
          - { context: '$response.body#/name', condition: '^a{$', type: regex }
`,
    );
    const result = await engine.run({ document: doc });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('success');
  });
});
