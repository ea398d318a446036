import { compileValue, type JsonValue } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { context } from './context.js';

describe('compileValue: parse once, evaluate many (§4.6.14 Request Body payload, §4.6.15 Payload Replacement)', () => {
  it('the spec JSON Object Example: whole-value expressions keep their type inside a nested payload', () => {
    const payload: JsonValue = {
      petOrder: {
        petId: '$inputs.pet_id',
        couponCode: '$inputs.coupon',
        status: 'placed',
        complete: false,
        tags: ['a', '{$inputs.username}-x'],
      },
    };
    const compiled = compileValue(payload);
    expect(compiled.constant).toBe(false);
    expect(compiled.errors).toEqual([]);
    expect(compiled.expressions.map((e) => [e.pointer, e.expression.text])).toEqual([
      ['/petOrder/petId', '$inputs.pet_id'],
      ['/petOrder/couponCode', '$inputs.coupon'],
      ['/petOrder/tags/1', '$inputs.username'],
    ]);
    expect(compiled.evaluate(context)).toEqual({
      petOrder: { petId: 7, couponCode: null, status: 'placed', complete: false, tags: ['a', 'ana-x'] },
    });
    expect(compiled.evaluate({ ...context, inputs: { pet_id: 8, coupon: 'c', username: 'bo' } })).toEqual({
      petOrder: { petId: 8, couponCode: 'c', status: 'placed', complete: false, tags: ['a', 'bo-x'] },
    });
  });
  it('Complete Runtime Expression: payload $inputs.petOrderRequest yields the whole value', () => {
    const compiled = compileValue('$outputs.bar');
    expect(compiled.evaluate(context)).toEqual({ name: 'b' });
    expect(compiled.expressions[0]?.pointer).toBe('');
  });
  it('a value without expressions is constant and returned unchanged', () => {
    const literal = { a: [1, 'x', { b: null }], 'c/d': 'e{f}' };
    const compiled = compileValue(literal);
    expect(compiled.constant).toBe(true);
    expect(compiled.evaluate(context)).toBe(literal);
  });
  it('a $ string that is no expression is sent as the literal string where a constant is allowed (§4.6.12 Parameter Object value: "a constant or a Runtime Expression")', () => {
    const compiled = compileValue({ price: '$5 off', code: '$respons.body', n: 3 });
    expect(compiled.errors).toEqual([]);
    expect(compiled.literals).toEqual([
      {
        pointer: '/code',
        error: { offset: 0, message: "unknown expression source '$respons'; did you mean '$response'?" },
      },
    ]);
    expect(compiled.evaluate(context)).toEqual({ price: '$5 off', code: '$respons.body', n: 3 });
  });
  it('malformed expressions where only an expression is allowed, and malformed templates, are reported with the pointer of their string, never sent as literals', () => {
    const compiled = compileValue(
      { 'a/b': '$respons.body', list: ['ok', 'x {$inputs.}'], n: 3 },
      { constantAllowed: false },
    );
    expect(compiled.errors).toEqual([
      {
        pointer: '/a~1b',
        error: { offset: 0, message: "unknown expression source '$respons'; did you mean '$response'?" },
      },
      { pointer: '/list/1', error: { offset: 11, message: expect.stringMatching(/expected an input name/) } },
    ]);
    const misses: string[] = [];
    expect(compiled.evaluate(context, (m) => misses.push(m.expression))).toEqual({
      'a/b': undefined,
      list: ['ok', undefined],
      n: 3,
    });
    expect(misses).toEqual(['$respons.body', 'x {$inputs.}']);
  });
  it('misses inside evaluate yield undefined (whole) or empty text (template) and are reported', () => {
    const misses: string[] = [];
    const out = compileValue({ a: '$steps.none.outputs.x', b: 'v={$inputs.nope}' }).evaluate(context, (m) =>
      misses.push(m.expression),
    );
    expect(out).toEqual({ a: undefined, b: 'v=' });
    expect(misses).toEqual(['$steps.none.outputs.x', '$inputs.nope']);
  });
  it('the spec Form Data String Example keeps the malformed "$inputs.scope}" tail as literal text', () => {
    const compiled = compileValue('client_id={$inputs.username}&scope=$inputs.scope}');
    expect(compiled.errors).toEqual([]);
    expect(compiled.evaluate(context)).toBe('client_id=ana&scope=$inputs.scope}');
  });
});
