/**
 * `jsonpath` criteria whose query is the root and member-name shorthands alone are selected without
 * json-p3 (compile-member-path.ts); the selection must be json-p3's to the value, and a member path
 * compared to a literal must read exactly as the compatibility reading over json-p3 does.
 */
import { createRequire } from 'node:module';
import { createCriterionRegistry } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { compileMemberPath } from '../../src/criteria/compile-member-path.js';
import { compileComparisonQuery } from '../../src/criteria/jsonpath-comparison.js';
import { compileRfc9535 } from '../../src/criteria/jsonpath-rfc9535.js';
import { makeContext } from './ctx.js';

const jsonP3 = createRequire(import.meta.url)('json-p3') as {
  compile(query: string): { query(value: unknown): { values(): unknown[] } };
};
const byJsonP3 = (query: string, value: unknown): unknown[] => jsonP3.compile(query).query(value).values();

/** Values with and without the members the queries name, own and inherited, of every JSON type. */
const VALUES: unknown[] = [
  { a: 1 },
  { a: { b: [1, { c: 2 }] } },
  { a: { b: null } },
  { a: { b: { c: 'x', length: 3 } } },
  { a: [{ b: 1 }] },
  { results: [], length: 0 },
  { results: [1, 2], organization: { organization_id: 'org-1' } },
  JSON.parse('{"__proto__": {"a": 1}, "constructor": 2}'),
  Object.create({ a: 5 }),
  { toString: 'own' },
  [1, 2, 3],
  [{ a: 1 }],
  'text',
  '',
  0,
  42,
  true,
  false,
  null,
  {},
];

const QUERIES = [
  '$',
  '$.a',
  '$.a.b',
  '$.a.b.c',
  '$.a.b.length',
  '$.length',
  '$.results',
  '$.organization.organization_id',
  '$.__proto__',
  '$.__proto__.a',
  '$.constructor',
  '$.toString',
  '$._x1',
];

describe('jsonpath member paths without json-p3 (RFC 9535 §2.5.1.2, §2.3.1.2)', () => {
  for (const query of QUERIES) {
    it(`'${query}' selects what json-p3 selects, from every value`, () => {
      const select = compileMemberPath(query);
      expect(select, 'a member path').toBeDefined();
      for (const value of VALUES)
        expect(select?.(value), JSON.stringify(value)).toEqual(byJsonP3(query, value));
    });
  }

  it('anything but `$` and ASCII `.name` segments is left to json-p3 (and each of these is valid RFC 9535)', () => {
    for (const query of [
      '$.a[0]',
      '$[0]',
      '$.*',
      '$..a',
      "$['a']",
      '$[?@.a]',
      '$.é',
      '$.a .b',
      ' $.a',
      '$.1a',
    ]) {
      expect(compileMemberPath(query), query).toBeUndefined();
      if (query !== '$.1a' && query !== ' $.a') expect(() => jsonP3.compile(query), query).not.toThrow();
    }
    expect(() => jsonP3.compile('$.1a')).toThrow();
  });

  it('a member path compared to a literal reads as the compatibility reading over json-p3, with its warning', () => {
    const registry = createCriterionRegistry();
    const conditions = [
      '$.results.length > 0',
      '$.results.length == 0',
      '$.a.b.length >= 3',
      '$.a.b.c == "x"',
      "$.organization.organization_id != 'org-2'",
      '$.a == 1',
      '$.a.b == null',
      '$.length == 0',
      '$.a < 2',
    ];
    for (const condition of conditions) {
      const reference = compileComparisonQuery(condition, compileRfc9535);
      expect(reference, condition).toBeDefined();
      const criterion = registry.compile({ context: '$response.body', condition, type: 'jsonpath' });
      expect(criterion.warnings, condition).toEqual([reference?.warning]);
      for (const body of VALUES) {
        if (body === null) continue;
        const expected = (reference?.select(body).length ?? 0) > 0;
        expect(
          criterion.test(makeContext({ response: { headers: {}, body } })),
          `${condition} on ${JSON.stringify(body)}`,
        ).toBe(expected);
      }
    }
  });

  it('a comparison whose literal is not one still fails with json-p3 words (bad JSONPath)', () => {
    const registry = createCriterionRegistry();
    expect(() =>
      registry.compile({ context: '$response.body', condition: '$.a > b c', type: 'jsonpath' }),
    ).toThrow(/bad JSONPath \(RFC 9535\)/);
  });
});
