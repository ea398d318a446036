import { parseExpression, parseTemplate } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../src/criteria/simple/parse-condition.js';

/** The ABNF's `name` is `*CHAR`: given the declared names, the parsers read the longest that matches. */
describe('§4.6.13 Runtime Expressions: declared names the strict grammar cuts short', () => {
  const names = { steps: ['get', 'get pet', 'get pet 2'], inputs: ['$orderby', 'a'], workflows: ['my flow'] };

  it('reads the longest declared stepId that starts there and is followed by a name end', () => {
    const parsed = parseExpression('$steps.get pet.outputs.id', names);
    expect(parsed).toMatchObject({ ok: true, value: { kind: 'steps', stepId: 'get pet', name: 'id' } });
    expect(parseExpression('$steps.get pet 2.outputs.id', names)).toMatchObject({
      value: { stepId: 'get pet 2' },
    });
    expect(parseExpression('$steps.get.outputs.id', names)).toMatchObject({ value: { stepId: 'get' } });
  });

  it('reads $inputs.$orderby as the declared input, and a pointer after it', () => {
    expect(parseExpression('$inputs.$orderby', names)).toMatchObject({
      ok: true,
      value: { kind: 'inputs', name: '$orderby' },
    });
    expect(parseExpression('$inputs.$orderby#/0', names)).toMatchObject({ value: { pointer: ['0'] } });
  });

  it('without the names the strict reading stands (a syntax error)', () => {
    expect(parseExpression('$inputs.$orderby').ok).toBe(false);
    expect(parseExpression('$steps.get pet.outputs.id').ok).toBe(false);
  });

  it('works embedded in templates and in simple conditions', () => {
    const template = parseTemplate('x {$workflows.my flow.outputs.n} y', names);
    expect(template).toMatchObject({
      ok: true,
      value: { parts: [{}, { expression: { workflowId: 'my flow' } }, {}] },
    });
    expect(() =>
      parseCondition('$steps.get pet.outputs.n == 1 && $inputs.$orderby != null', names),
    ).not.toThrow();
    expect(() => parseCondition('$steps.get pet.outputs.n == 1')).toThrow();
  });
});
