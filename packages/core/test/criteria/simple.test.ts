import { CriterionSyntaxError, createCriterionRegistry } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { makeContext } from './ctx.js';

const registry = createCriterionRegistry();
const holds = (condition: string, ctx = makeContext()) => registry.compile({ condition }).test(ctx);
const syntaxError = (condition: string): CriterionSyntaxError => {
  try {
    registry.compile({ condition });
  } catch (e) {
    if (e instanceof CriterionSyntaxError) return e;
    throw e;
  }
  throw new Error(`compiled: ${condition}`);
};

describe('simple criteria (Arazzo 1.0.1 §4.6.10 Criterion Object)', () => {
  it('Simple Condition Example: $statusCode == 200', () => {
    expect(holds('$statusCode == 200')).toBe(true);
    expect(holds('$statusCode == 200', makeContext({ statusCode: 404 }))).toBe(false);
    expect(holds('$statusCode==200')).toBe(true);
  });
  it('every operator: < <= > >= == != ! && || and () grouping', () => {
    expect(holds('$statusCode < 300 && $statusCode >= 200')).toBe(true);
    expect(holds('$statusCode <= 199 || $statusCode > 299')).toBe(false);
    expect(holds('$statusCode != 200')).toBe(false);
    expect(holds('!($statusCode == 404)')).toBe(true);
    expect(holds('!$statusCode == 404')).toBe(false);
    expect(holds('($statusCode == 404 || $statusCode == 200) && $response.body#/ok == true')).toBe(true);
    expect(holds('$statusCode == 404 || $statusCode == 200 && false')).toBe(false);
  });
  it('[] index (0-based) and . property de-reference after an operand', () => {
    expect(holds('$response.body.items[0].id == 7')).toBe(true);
    expect(holds("$response.body.items[0]['name'] == 'o''brien'")).toBe(true);
    expect(holds('$response.body#/items/0/id == 7')).toBe(true);
    expect(holds('$response.body.items.length == 1')).toBe(true);
    expect(holds('$steps.getPets.outputs.list[1] == 2')).toBe(true);
    expect(holds('$response.body.items[1].id == 7')).toBe(false);
  });
  it("Literals: numbers as numbers, true/false/null, single quotes with '' escaping", () => {
    expect(holds('$response.body.count == 4.0')).toBe(true);
    expect(holds('$response.body.count > -1e1')).toBe(true);
    expect(holds('$response.body.ok == true && $response.body.none == null')).toBe(true);
    expect(holds("'it''s' == 'IT''S'")).toBe(true);
    expect(holds('"double" == \'DOUBLE\'')).toBe(true);
  });
  it('"String comparisons MUST be case insensitive"', () => {
    expect(holds("$response.body.status == 'available'")).toBe(true);
    expect(holds("$response.body.status != 'Available'")).toBe(false);
    expect(holds("$response.body.status > 'aaa'")).toBe(true);
    expect(holds("$response.header.Content-Type == 'APPLICATION/JSON'")).toBe(true);
  });
  it('a numeric string compared with a number compares as numbers', () => {
    expect(holds('$response.header.X-Count > 9')).toBe(true);
    expect(holds('$response.header.X-Count == 12')).toBe(true);
    expect(holds("'10' > '9'")).toBe(true);
    expect(holds("$statusCode == '200'")).toBe(true);
  });
  it('runtime expressions on both sides (1.1.0 example $response.body.count > $inputs.threshold)', () => {
    expect(holds('$response.body.count > $inputs.threshold')).toBe(true);
    expect(holds('$steps.getPets.outputs.count <= $inputs.threshold')).toBe(false);
  });
  it('a missing value is null: it equals only null, never orders, and != null fails ("body contains data")', () => {
    expect(holds('$statusCode == 200 && $response.body.data != null')).toBe(true);
    expect(holds('$response.body.missing != null')).toBe(false);
    expect(holds('$response.body.missing == null')).toBe(true);
    expect(holds('$response.body.missing != 5')).toBe(true);
    expect(holds('$response.body.missing > 0 || $response.body.missing < 0')).toBe(false);
    expect(holds('$response.body#/access_token != null')).toBe(false);
    const misses: string[] = [];
    registry
      .compile({ condition: '$response.body.nope.deeper == 1' })
      .test(makeContext(), (m) => misses.push(m.expression));
    expect(misses).toEqual(['$response.body.nope']);
  });
  it('null, false and a missing bare value fail; truthy values pass', () => {
    expect(holds('$response.body.none')).toBe(false);
    expect(holds('$response.body.ok')).toBe(true);
    expect(holds('$response.body.absent')).toBe(false);
    expect(holds('null == null')).toBe(true);
  });
});

describe('simple criteria: syntax errors carry the offset', () => {
  it.each([
    ['$statusCode = 200', 12, /did you mean '=='/],
    ['$statusCode == 200 &', 19, /did you mean '&&'/],
    ['$statusCode == ', 15, /condition ends/],
    ["$response.body.status == 'open", 25, /unterminated/],
    ['$respons.body == 1', 0, /did you mean '\$response'/],
    ['$statusCode == success', 15, /strings must be quoted/],
    ['($statusCode == 200', 19, /expected '\)'/],
    ['1 < 2 < 3', 6, /cannot be chained/],
    ['$statusCode 200', 12, /unexpected number 200/],
    ['', 0, /empty/],
    ['$response.body.items[x]', 21, /expected an index/],
    ['$response.body#/a~2 == 1', 17, /bad escape/],
  ])('%s', (condition, offset, message) => {
    const e = syntaxError(condition);
    expect(e.offset).toBe(offset);
    expect(e.message).toMatch(message);
  });
});
