import {
  type CompiledCriterion,
  type Criterion,
  CriterionSyntaxError,
  createCriterionRegistry,
} from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { makeContext } from './ctx.js';

const registry = createCriterionRegistry();
const compile = (c: Criterion): CompiledCriterion => registry.compile(c);
const rejects = (c: unknown, message: RegExp) => {
  expect(() => registry.compile(c as Criterion)).toThrow(CriterionSyntaxError);
  expect(() => registry.compile(c as Criterion)).toThrow(message);
};

describe('regex criteria (Arazzo 1.0.1 §4.6.10)', () => {
  it('Regex Condition Example: context $statusCode, condition ^200$', () => {
    const c = compile({ context: '$statusCode', condition: '^200$', type: 'regex' });
    expect(c.test(makeContext())).toBe(true);
    expect(c.test(makeContext({ statusCode: 2000 }))).toBe(false);
  });
  it('ECMAScript syntax against the string value of the context; a missing context fails', () => {
    const c = compile({ context: '$response.body#/status', condition: '^AVAIL\\w+$', type: 'regex' });
    expect(c.test(makeContext())).toBe(true);
    expect(
      compile({ context: '$response.body#/nothing', condition: '.*', type: 'regex' }).test(makeContext()),
    ).toBe(false);
    expect(
      compile({ context: '$response.body#/data', condition: '"id":"a1"', type: 'regex' }).test(makeContext()),
    ).toBe(true);
  });
  it('rejects a pattern that does not compile, and a missing context', () => {
    rejects({ context: '$statusCode', condition: '(', type: 'regex' }, /does not compile/);
    rejects({ condition: '^200$', type: 'regex' }, /needs a context/);
    rejects({ context: '$statuscode', condition: '^200$', type: 'regex' }, /bad context/);
  });
});

describe('jsonpath criteria (Arazzo 1.0.1 §4.6.10, §4.6.11)', () => {
  const pets = makeContext({ response: { headers: {}, body: { pets: [{ id: 1, status: 'sold' }] } } });
  const none = makeContext({ response: { headers: {}, body: { pets: [] } } });
  it('JSONPath Condition Example: $[?count(@.pets) > 0] with context $response.body (filter applies to the body)', () => {
    const c = compile({ context: '$response.body', condition: '$[?count(@.pets) > 0]', type: 'jsonpath' });
    expect(c.test(pets)).toBe(true);
    expect(c.test(none)).toBe(true); // count of a nodelist with one node (the empty array)
    const strict = compile({
      context: '$response.body',
      condition: '$[?length(@.pets) > 0]',
      type: 'jsonpath',
    });
    expect(strict.test(pets)).toBe(true);
    expect(strict.test(none)).toBe(false);
  });
  it('holds when the query selects at least one node (RFC 9535 by default)', () => {
    expect(compile({ context: '$response.body', condition: '$.pets[*]', type: 'jsonpath' }).test(pets)).toBe(
      true,
    );
    expect(compile({ context: '$response.body', condition: '$.pets[*]', type: 'jsonpath' }).test(none)).toBe(
      false,
    );
    expect(
      compile({ context: '$response.body', condition: "$.pets[?@.status == 'sold']", type: 'jsonpath' }).test(
        pets,
      ),
    ).toBe(true);
    const token = compile({
      context: '$response.body',
      condition: "$[?@.access_token == 'tok']",
      type: 'jsonpath',
    });
    expect(token.test(makeContext({ response: { headers: {}, body: { access_token: 'tok' } } }))).toBe(true);
    expect(token.test(makeContext({ response: { headers: {}, body: { access_token: 'other' } } }))).toBe(
      false,
    );
    // RFC 9535 §2.3.5.2.2: an absent member (Nothing) is != null, so `$[?@.x != null]` holds even without x.
    expect(
      compile({ context: '$response.body', condition: '$[?@.access_token != null]', type: 'jsonpath' }).test(
        pets,
      ),
    ).toBe(true);
  });
  it('Criterion Expression Type Object: draft-goessner-dispatch-jsonpath-00 through jsonpath-plus (safe eval)', () => {
    const type = { type: 'jsonpath', version: 'draft-goessner-dispatch-jsonpath-00' } as const;
    expect(
      compile({ context: '$response.body', condition: "$.pets[?(@.status === 'sold')]", type }).test(pets),
    ).toBe(true);
    expect(compile({ context: '$response.body', condition: '$.pets[?(@.id > 5)]', type }).test(pets)).toBe(
      false,
    );
    expect(
      compile({ context: '$response.body', condition: '$.pets[?(@.missing.deep > 5)]', type }).test(pets),
    ).toBe(false);
    rejects({ context: '$response.body', condition: '$.pets[?(@.id ==== 1)]', type }, /bad JSONPath filter/);
  });
  it('compatibility: `$.results.length > 0` (published Stytch workflows) compares a query value, with a warning', () => {
    const c = compile({ context: '$response.body', condition: '$.pets.length > 0', type: 'jsonpath' });
    expect(c.warnings?.[0]).toMatch(/not an RFC 9535 query/);
    expect(c.test(pets)).toBe(true);
    expect(c.test(none)).toBe(false);
    expect(
      compile({ context: '$response.body', condition: '$.pets.length == 0', type: 'jsonpath' }).test(none),
    ).toBe(true);
  });
  it('rejects bad JSONPath, an unknown version and a missing context', () => {
    rejects({ context: '$response.body', condition: '$.pets[', type: 'jsonpath' }, /bad JSONPath/);
    rejects(
      { context: '$response.body', condition: '$.a', type: { type: 'jsonpath', version: 'draft-01' } },
      /unknown jsonpath version 'draft-01'/,
    );
    rejects({ condition: '$.a', type: 'jsonpath' }, /needs a context/);
  });
  it('a null or missing context fails', () => {
    const c = compile({ context: '$response.body#/x', condition: '$', type: 'jsonpath' });
    expect(c.test(pets)).toBe(false);
  });
});

describe('xpath criteria (Arazzo 1.0.1 §4.6.10, §4.6.11: xpath-30 default, xpath-20, xpath-10)', () => {
  const xml = makeContext({
    response: {
      headers: {},
      body: '<root><items><price>5</price></items><items><price>15</price></items></root>',
    },
  });
  it('holds when the result is non-empty or true', () => {
    for (const type of [
      'xpath',
      { type: 'xpath', version: 'xpath-30' },
      { type: 'xpath', version: 'xpath-20' },
      { type: 'xpath', version: 'xpath-10' },
    ] as const) {
      expect(
        compile({ context: '$response.body', condition: '/root/items[price > 10]', type }).test(xml),
      ).toBe(true);
      expect(
        compile({ context: '$response.body', condition: '/root/items[price > 100]', type }).test(xml),
      ).toBe(false);
    }
    expect(
      compile({ context: '$response.body', condition: 'count(/root/items) = 2', type: 'xpath' }).test(xml),
    ).toBe(true);
  });
  it('fails on a body that is not XML or not a string', () => {
    const c = compile({ context: '$response.body', condition: '/root', type: 'xpath' });
    expect(c.test(makeContext({ response: { headers: {}, body: '<root><a></root>' } }))).toBe(false);
    expect(c.test(makeContext())).toBe(false);
  });
  it('rejects bad XPath and unknown versions', () => {
    rejects({ context: '$response.body', condition: '/root/items[', type: 'xpath' }, /bad XPath: XPST0003/);
    rejects(
      { context: '$response.body', condition: '/root', type: { type: 'xpath', version: 'xpath-40' } },
      /unknown xpath version/,
    );
  });

  it('accepts xpath-31, the default XPath of Arazzo 1.1.0 §Expression Type Object', () => {
    const compiled = compile({
      context: '$response.body',
      condition: 'count(/root/*) > 0',
      type: { type: 'xpath', version: 'xpath-31' },
    });
    const xml = (body: string) => makeContext({ response: { headers: {}, body } });
    expect(compiled.test(xml('<root><a/></root>'))).toBe(true);
    expect(compiled.test(xml('<root/>'))).toBe(false);
  });
});

describe('registry', () => {
  it('rejects an unknown type, a bad type object and a missing condition', () => {
    rejects({ condition: 'x', type: 'jmespath' }, /unknown criterion type 'jmespath'/);
    rejects({ condition: 'x', type: { type: 'jsonpath' } }, /needs a version/);
    rejects({ context: '$statusCode' }, /string condition/);
    rejects(
      { condition: '$statusCode == 200', type: { type: 'simple', version: '1' } },
      /unknown simple version/,
    );
  });
  it('plugins register their own types and can replace standard ones', () => {
    const calls: string[] = [];
    const custom = createCriterionRegistry([
      {
        type: 'starts-with',
        versions: [],
        requiresContext: true,
        compile: ({ condition, context }) => {
          calls.push(condition);
          return {
            test: (ctx) =>
              String(ctx.response?.body && (ctx.response.body as { status: string }).status).startsWith(
                condition,
              ) && context !== undefined,
          };
        },
      },
    ]);
    const c = custom.compile({ context: '$response.body', condition: 'AVAIL', type: 'starts-with' as never });
    expect(c.test(makeContext())).toBe(true);
    expect(c.test(makeContext())).toBe(true);
    expect(calls).toEqual(['AVAIL']);
    expect(custom.get('starts-with')?.type).toBe('starts-with');
    expect(custom.get('simple')?.type).toBe('simple');
    expect(() => custom.compile({ condition: 'x', type: 'starts-with' as never })).toThrow(/needs a context/);
  });
});

describe('embedded {$...} in regex/jsonpath/xpath conditions (Arazzo 1.1.0 "Runtime Expressions in Conditions")', () => {
  it('Embedded expressions in Regex: ^({$inputs.statusPattern})$', () => {
    const c = compile({
      context: '$response.body#/status',
      condition: '^({$inputs.statusPattern})$',
      type: 'regex',
    });
    const ctx = (statusPattern: string) => makeContext({ inputs: { statusPattern } });
    expect(c.test(ctx('AVAILABLE|SOLD'))).toBe(true);
    expect(c.test(ctx('SOLD'))).toBe(false);
    const misses: string[] = [];
    expect(c.test(ctx('('), (m) => misses.push(m.reason))).toBe(false);
    expect(misses[0]).toMatch(/rendered condition '\^\(\(\)\$' is invalid/);
  });
  it('Embedded expressions in JSONPath and XPath', () => {
    const body = { items: [{ status: 'available' }] };
    const jp = compile({
      context: '$response.body',
      condition: "$.items[?@.status == '{$inputs.expectedStatus}']",
      type: 'jsonpath',
    });
    expect(jp.test(makeContext({ response: { headers: {}, body } }))).toBe(true);
    expect(
      jp.test(makeContext({ inputs: { expectedStatus: 'sold' }, response: { headers: {}, body } })),
    ).toBe(false);
    const xml = '<root><items><price>5</price></items><items><price>15</price></items></root>';
    const xp = compile({
      context: '$response.body',
      condition: '/root/items[price > {$steps.getPets.outputs.count}]',
      type: 'xpath',
    });
    expect(xp.test(makeContext({ response: { headers: {}, body: xml } }))).toBe(true);
    expect(
      xp.test(
        makeContext({ steps: { getPets: { outputs: { count: 20 } } }, response: { headers: {}, body: xml } }),
      ),
    ).toBe(false);
  });
  it('a compatibility reading with an embedded expression keeps its warning', () => {
    const c = compile({
      context: '$response.body',
      condition: '$.pets.length > {$inputs.min}',
      type: 'jsonpath',
    });
    expect(c.warnings?.[0]).toMatch(/not an RFC 9535 query/);
    const pets = { response: { headers: {}, body: { pets: [1, 2] } } };
    expect(c.test(makeContext({ ...pets, inputs: { min: 1 } }))).toBe(true);
    expect(c.test(makeContext({ ...pets, inputs: { min: 2 } }))).toBe(false);
  });
  it('bad embedded expressions and bad surrounding syntax are rejected at compile time', () => {
    rejects({ context: '$statusCode', condition: '^{$input.x}$', type: 'regex' }, /did you mean '\$inputs'/);
    rejects(
      { context: '$response.body', condition: '$.items[?@.a == {$inputs.x}', type: 'jsonpath' },
      /bad JSONPath/,
    );
  });
});
