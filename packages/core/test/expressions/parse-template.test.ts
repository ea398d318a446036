import { classifyValue, parseTemplate } from '@telaio/core';
import { describe, expect, it } from 'vitest';

describe('parseTemplate (§4.6.13: expressions embedded with {} curly braces)', () => {
  it('splits literals and expressions with offsets', () => {
    const r = parseTemplate('Bearer {$steps.login.outputs.token} x');
    expect(r).toEqual({
      ok: true,
      value: {
        text: 'Bearer {$steps.login.outputs.token} x',
        parts: [
          { kind: 'literal', value: 'Bearer ', offset: 0 },
          {
            kind: 'expression',
            offset: 8,
            expression: {
              text: '$steps.login.outputs.token',
              kind: 'steps',
              stepId: 'login',
              property: 'outputs',
              name: 'token',
            },
          },
          { kind: 'literal', value: ' x', offset: 35 },
        ],
      },
    });
  });
  it('literal braces that do not start {$ stay literal; a bare $ outside braces stays literal', () => {
    const r = parseTemplate('{"a": {b}} $inputs.x {$inputs.y}{}');
    expect(r.ok && r.value.parts.map((p) => (p.kind === 'literal' ? p.value : p.expression.text))).toEqual([
      '{"a": {b}} $inputs.x ',
      '$inputs.y',
      '{}',
    ]);
  });
  it('operationPath style: {$sourceDescriptions.x.url}#/paths/~1pets/get', () => {
    const r = parseTemplate('{$sourceDescriptions.petstore.url}#/paths/~1pets/get');
    expect(r.ok && r.value.parts[0]).toMatchObject({
      expression: { kind: 'sourceDescriptions', name: 'petstore', property: 'url' },
    });
  });
  it('pointers and names end at }', () => {
    const r = parseTemplate('{$response.body#/a/b}-{$request.query.q}');
    expect(r.ok && r.value.parts.length).toBe(3);
  });
  it('errors carry the offset in the template text', () => {
    expect(parseTemplate('id={$respons.body}')).toEqual({
      ok: false,
      error: { offset: 4, message: "unknown expression source '$respons'; did you mean '$response'?" },
    });
    expect(parseTemplate('x {$inputs.a')).toMatchObject({
      ok: false,
      error: { offset: 12, message: expect.stringMatching(/expected '}'/) },
    });
    expect(parseTemplate('x {$inputs.a b}')).toMatchObject({ ok: false, error: { offset: 12 } });
    expect(parseTemplate('{$response.body#/a~x}')).toMatchObject({ ok: false, error: { offset: 18 } });
  });
});

describe('classifyValue', () => {
  it('$ followed by a letter is a whole expression, even misspelled', () => {
    expect(classifyValue('$inputs.x')).toBe('expression');
    expect(classifyValue('$respons.body')).toBe('expression');
  });
  it('a string containing {$ is a template; anything else is literal', () => {
    expect(classifyValue('Bearer {$inputs.t}')).toBe('template');
    expect(classifyValue('$100')).toBe('literal');
    expect(classifyValue('$')).toBe('literal');
    expect(classifyValue('price in $')).toBe('literal');
    expect(classifyValue('{"a":1}')).toBe('literal');
  });
});
