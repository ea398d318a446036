import { parseExpression } from '@telaio/core';
import { describe, expect, it } from 'vitest';

const ok = (text: string) => {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} @${r.error.offset}`);
  return r.value;
};
const err = (text: string) => {
  const r = parseExpression(text);
  if (r.ok) throw new Error(`${text} parsed: ${JSON.stringify(r.value)}`);
  return r.error;
};

describe('parseExpression: every ABNF alternative (Arazzo 1.0.1 §4.6.13 Runtime Expressions)', () => {
  it('$url, $method, $statusCode', () => {
    expect(ok('$url')).toEqual({ text: '$url', kind: 'url' });
    expect(ok('$method')).toEqual({ text: '$method', kind: 'method' });
    expect(ok('$statusCode')).toEqual({ text: '$statusCode', kind: 'statusCode' });
  });
  it('$request./$response. header, query, path, body', () => {
    expect(ok('$request.header.accept')).toMatchObject({
      kind: 'request',
      source: { type: 'header', name: 'accept' },
    });
    expect(ok('$response.header.Server')).toMatchObject({
      kind: 'response',
      source: { type: 'header', name: 'Server' },
    });
    expect(ok('$request.path.id')).toMatchObject({ kind: 'request', source: { type: 'path', name: 'id' } });
    expect(ok('$request.query.page[size]')).toMatchObject({ source: { type: 'query', name: 'page[size]' } });
    expect(ok('$response.body')).toEqual({
      text: '$response.body',
      kind: 'response',
      source: { type: 'body' },
    });
    expect(ok('$request.body#/user/uuid')).toMatchObject({
      source: { type: 'body', pointer: ['user', 'uuid'] },
    });
    expect(ok('$response.body#')).toMatchObject({ source: { type: 'body', pointer: [] } });
  });
  it('header-reference is a token: every tchar is allowed', () => {
    expect(ok("$response.header.X-a!#$%&'*+-.^_`|~9")).toMatchObject({
      source: { name: "X-a!#$%&'*+-.^_`|~9" },
    });
    expect(err('$response.header.a b').offset).toBe(18);
    expect(err('$response.header.').message).toMatch(/expected a header name/);
  });
  it('$inputs and $outputs with an optional #/pointer', () => {
    expect(ok('$inputs.username')).toEqual({ text: '$inputs.username', kind: 'inputs', name: 'username' });
    expect(ok('$outputs.bar#/a/0')).toMatchObject({ kind: 'outputs', name: 'bar', pointer: ['a', '0'] });
  });
  it('$steps.id.outputs.name: output names may contain dots', () => {
    expect(ok('$steps.someStepId.outputs.pets')).toMatchObject({
      kind: 'steps',
      stepId: 'someStepId',
      property: 'outputs',
      name: 'pets',
    });
    expect(ok('$steps.a.outputs.x.y')).toMatchObject({ stepId: 'a', name: 'x.y' });
    expect(ok('$steps.someStepId.outputs.pets#/0/id')).toMatchObject({ name: 'pets', pointer: ['0', 'id'] });
    expect(ok('$steps.browser-authorize.outputs.code')).toMatchObject({ stepId: 'browser-authorize' });
  });
  it('$workflows.id.inputs|outputs.name', () => {
    expect(ok('$workflows.foo.inputs.username')).toMatchObject({
      kind: 'workflows',
      workflowId: 'foo',
      property: 'inputs',
      name: 'username',
    });
    expect(ok('$workflows.foo.outputs.mappedResponse#/name')).toMatchObject({
      property: 'outputs',
      name: 'mappedResponse',
      pointer: ['name'],
    });
  });
  it('$sourceDescriptions.name[.x]', () => {
    expect(ok('$sourceDescriptions.petstore')).toEqual({
      text: '$sourceDescriptions.petstore',
      kind: 'sourceDescriptions',
      name: 'petstore',
    });
    expect(ok('$sourceDescriptions.petstore.url')).toMatchObject({ name: 'petstore', property: 'url' });
    expect(ok('$sourceDescriptions.petstore.get.pet/by id')).toMatchObject({ property: 'get.pet/by id' });
  });
  it('$components.parameters|inputs|successActions|failureActions.name', () => {
    for (const t of ['parameters', 'inputs', 'successActions', 'failureActions']) {
      expect(ok(`$components.${t}.foo.bar`)).toEqual({
        text: `$components.${t}.foo.bar`,
        kind: 'components',
        componentType: t,
        name: 'foo.bar',
      });
    }
  });
});

describe('parseExpression: JSON pointers (RFC 6901 via the ABNF json-pointer rule)', () => {
  it('decodes ~0 and ~1, in that order (~01 is "~1")', () => {
    expect(ok('$response.body#/a~1b/~0c/~01')).toMatchObject({ source: { pointer: ['a/b', '~c', '~1'] } });
    expect(ok('$inputs.x#//')).toMatchObject({ pointer: ['', ''] });
  });
  it('rejects a bad escape with the offset of the ~', () => {
    expect(err('$response.body#/a~2')).toEqual({
      offset: 17,
      message: expect.stringMatching(/bad escape '~2'/),
    });
    expect(err('$response.body#/a~').offset).toBe(17);
  });
  it('a pointer must start with /', () => {
    expect(err('$response.body#a')).toEqual({
      offset: 15,
      message: expect.stringMatching(/must start with '\/'/),
    });
  });
});

describe('parseExpression: syntax errors carry the offset and a helpful message', () => {
  it('unknown source with a suggestion', () => {
    expect(err('$respons.body')).toEqual({
      offset: 0,
      message: "unknown expression source '$respons'; did you mean '$response'?",
    });
    expect(err('$StatusCode').message).toMatch(/did you mean '\$statusCode'/);
    expect(err('$input.x').message).toMatch(/did you mean '\$inputs'/);
  });
  it('unknown message part, component type, step or workflow property', () => {
    expect(err('$response.bdy')).toMatchObject({
      offset: 10,
      message: expect.stringMatching(/did you mean 'body'/),
    });
    expect(err('$components.parameter.x')).toMatchObject({
      offset: 12,
      message: expect.stringMatching(/did you mean 'parameters'/),
    });
    expect(err('$steps.a.output.x')).toMatchObject({
      offset: 9,
      message: expect.stringMatching(/did you mean 'outputs'/),
    });
    expect(err('$workflows.w.input.x')).toMatchObject({
      offset: 13,
      message: expect.stringMatching(/did you mean 'inputs'/),
    });
  });
  it('missing parts', () => {
    expect(err('$')).toMatchObject({ offset: 1 });
    expect(err('$inputs')).toMatchObject({ offset: 7, message: "expected '.' after '$inputs'" });
    expect(err('$inputs.')).toMatchObject({
      offset: 8,
      message: expect.stringMatching(/expected an input name/),
    });
    expect(err('$steps.a')).toMatchObject({ offset: 8 });
    expect(err('$steps.a.outputs')).toMatchObject({ offset: 16 });
    expect(err('$request.query.')).toMatchObject({ offset: 15 });
  });
  it('trailing text after a complete expression', () => {
    expect(err('$statusCode == 200')).toMatchObject({
      offset: 11,
      message: expect.stringMatching(/cannot contain spaces/),
    });
    expect(err('$inputs.a b').offset).toBe(9);
    expect(err('$response.body.data')).toMatchObject({
      offset: 14,
      message: expect.stringMatching(/'\$response.body#\/data'/),
    });
    expect(err('$urlx').message).toMatch(/did you mean '\$url'/);
  });
  it('a JSONPath where a runtime expression belongs', () => {
    expect(err('$.results.length')).toMatchObject({
      offset: 0,
      message: expect.stringMatching(/JSONPath query/),
    });
    expect(err('$[0]')).toMatchObject({ offset: 0, message: expect.stringMatching(/type: jsonpath/) });
  });
  it('not an expression at all', () => {
    expect(err('inputs.x')).toMatchObject({ offset: 0 });
    expect(err('')).toMatchObject({ offset: 0 });
  });
});
