import { evaluateExpression, parseExpression, parseTemplate, renderTemplate } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { context } from './context.js';

const run = (text: string, ctx = context) => {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const misses: string[] = [];
  const value = evaluateExpression(parsed.value, ctx, (m) => misses.push(`${m.expression}: ${m.reason}`));
  return { value, misses };
};
const value = (text: string) => run(text).value;

describe('evaluateExpression: "Runtime expressions preserve the type of the referenced value" (§4.6.13)', () => {
  it('every expression kind over a hand-built context', () => {
    expect(value('$url')).toBe('https://api.example.com/pets/7?x=1');
    expect(value('$method')).toBe('POST');
    expect(value('$statusCode')).toBe(201);
    expect(value('$request.header.accept')).toBe('application/json');
    expect(value('$request.query.page')).toBe('2');
    expect(value('$request.path.id')).toBe('7');
    expect(value('$request.body#/user/uuid')).toBe('u-1');
    expect(value('$response.body#/list')).toEqual([10, 20, { id: 'x' }]);
    expect(value('$inputs.pet_id')).toBe(7);
    expect(value('$inputs.coupon')).toBeNull();
    expect(value('$outputs.bar#/name')).toBe('b');
    expect(value('$steps.someStepId.outputs.pets#/0/id')).toBe(1);
    expect(value('$steps.someStepId.outputs.x.y')).toBe('xy');
    expect(value('$workflows.foo.inputs.username')).toBe('wf-ana');
    expect(value('$workflows.foo.outputs.mappedResponse#/name')).toBe('mr');
    expect(value('$sourceDescriptions.petstore.url')).toBe('https://petstore.example/openapi.yaml');
    expect(value('$sourceDescriptions.petstore')).toMatchObject({ type: 'openapi' });
    expect(value('$components.parameters.foo')).toEqual({ name: 'foo', in: 'query', value: 1 });
  });
  it('falsy values are values, not misses', () => {
    expect(run('$response.body#/nested/n')).toEqual({ value: null, misses: [] });
    expect(run('$response.body#/nested/f')).toEqual({ value: false, misses: [] });
    expect(run('$response.body#/nested/z')).toEqual({ value: 0, misses: [] });
  });
  it('header names are case-insensitive (RFC 9110 §5.1)', () => {
    expect(value('$response.header.Server')).toBe('nginx');
    expect(value('$response.header.X-COUNT')).toBe('3');
    const mixed = { ...context, response: { headers: { 'X-Mixed': 'm' } } };
    expect(run('$response.header.x-mixed', mixed).value).toBe('m');
  });
  it('JSON pointer escapes (RFC 6901 §4): ~1 is /, ~0 is ~, ~01 is ~1', () => {
    expect(value('$response.body#/a~1b')).toBe(1);
    expect(value('$response.body#/~0c')).toBe(2);
    expect(value('$response.body#/~01')).toBe(3);
  });
  it('array indices: digits without leading zeros; -, out of range and non-numeric are misses', () => {
    expect(value('$response.body#/list/2/id')).toBe('x');
    for (const t of [
      '$response.body#/list/-',
      '$response.body#/list/3',
      '$response.body#/list/01',
      '$response.body#/list/x',
      '$response.body#/list/length',
    ]) {
      const r = run(t);
      expect(r.value, t).toBeUndefined();
      expect(r.misses, t).toHaveLength(1);
    }
  });
  it('a pointer that reaches nothing yields undefined and calls onMissing, never throws', () => {
    const r = run('$response.body#/status/deeper/still');
    expect(r.value).toBeUndefined();
    expect(r.misses).toEqual(["$response.body#/status/deeper/still: cannot read 'deeper' of string"]);
    expect(run('$steps.nope.outputs.x').misses[0]).toMatch(/step 'nope' has not run/);
    expect(run('$inputs.constructor').value).toBeUndefined();
    expect(run('$statusCode', { ...context, statusCode: undefined }).misses).toHaveLength(1);
    expect(run('$response.body', { ...context, response: undefined }).misses).toHaveLength(1);
    const parsed = parseExpression('$response.body#/a/b/c');
    if (!parsed.ok) throw new Error('unreachable');
    expect(() =>
      evaluateExpression(parsed.value, { ...context, response: { headers: {}, body: 5 } }),
    ).not.toThrow();
  });
  it('a dotted input name falls back to member access when no input has that exact name', () => {
    expect(value('$inputs.user.email')).toBe('a@x');
    expect(value('$inputs.with.dot')).toBe('dotted');
  });
});

describe('renderTemplate: embedded expressions are stringified (§4.6.13 "surrounding the expression with {}")', () => {
  const render = (text: string) => {
    const parsed = parseTemplate(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const misses: string[] = [];
    return { text: renderTemplate(parsed.value, context, (m) => misses.push(m.expression)), misses };
  };
  it('strings as they are, numbers and null in JSON form, objects as JSON', () => {
    expect(render('Bearer {$inputs.username}!').text).toBe('Bearer ana!');
    expect(render('{$inputs.pet_id}/{$inputs.coupon}/{$outputs.bar}').text).toBe('7/null/{"name":"b"}');
  });
  it('a missing value renders as an empty string and is reported', () => {
    expect(render('a{$inputs.nope}b')).toEqual({ text: 'ab', misses: ['$inputs.nope'] });
  });
  it('the spec JSON Templated Example', () => {
    const out = render(
      '{\n  "petOrder": {\n    "petId": "{$inputs.pet_id}",\n    "status": "placed"\n  }\n}',
    ).text;
    expect(JSON.parse(out)).toEqual({ petOrder: { petId: '7', status: 'placed' } });
  });
});
