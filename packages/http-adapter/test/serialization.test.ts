import { createHttpTransport, serializeParameter } from '@telaio/http-adapter';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { COLOR, makeContext, makeRequest } from './helpers.js';

type Kind = keyof typeof COLOR;
const KINDS: Kind[] = ['empty', 'string', 'array', 'object'];

// The style examples of OpenAPI 3.1.1 / 3.0.4 (the corrected tables: label explode=false is
// RFC 6570's `.blue,black,brown`, and `|`, `[`, `]` are percent-encoded). null = n/a.
const PATH_ROWS: Array<[style: string, explode: boolean, ...cells: Array<string | null>]> = [
  ['matrix', false, ';color', ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
  ['matrix', true, ';color', ';color=blue', ';color=blue;color=black;color=brown', ';R=100;G=200;B=150'],
  ['label', false, '.', '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
  ['label', true, '.', '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
  ['simple', false, '', 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, '', 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
];
const QUERY_ROWS: Array<[style: string, explode: boolean, ...cells: Array<string | null>]> = [
  ['form', false, 'color=', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  ['form', true, 'color=', 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  ['spaceDelimited', false, null, null, 'color=blue%20black%20brown', 'color=R%20100%20G%20200%20B%20150'],
  ['pipeDelimited', false, null, null, 'color=blue%7Cblack%7Cbrown', 'color=R%7C100%7CG%7C200%7CB%7C150'],
  ['deepObject', true, null, null, null, 'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150'],
];

const transport = createHttpTransport();
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  transport.close();
  nock.enableNetConnect();
});

/** Sends one request through nock and returns the raw path+query and headers the server saw. */
async function capture(
  request: ReturnType<typeof makeRequest>,
): Promise<{ uri: string; headers: Record<string, string | string[]> }> {
  let seen = { uri: '', headers: {} as Record<string, string | string[]> };
  nock('http://api.test')
    .intercept(() => true, request.operation.method.toUpperCase())
    .reply(function (uri) {
      seen = { uri, headers: this.req.headers as Record<string, string | string[]> };
      return [204];
    });
  await transport.send(request, makeContext());
  return seen;
}

describe('path parameters by style (OpenAPI style examples)', () => {
  for (const [style, explode, ...cells] of PATH_ROWS) {
    KINDS.forEach((kind, i) => {
      const expected = cells[i];
      if (expected === null || expected === undefined) return;
      it(`${style} explode=${explode} ${kind} → "${expected}"`, async () => {
        const { uri } = await capture(
          makeRequest({
            operation: {
              path: '/c{color}',
              parameters: [{ name: 'color', in: 'path', style, explode, schema: {} }],
            },
            parameters: [{ name: 'color', in: 'path', value: COLOR[kind] }],
          }),
        );
        expect(uri).toBe(`/c${expected}`);
      });
    });
  }
});

describe('query parameters by style (OpenAPI style examples)', () => {
  for (const [style, explode, ...cells] of QUERY_ROWS) {
    KINDS.forEach((kind, i) => {
      const expected = cells[i];
      if (expected === null || expected === undefined) return;
      it(`${style} explode=${explode} ${kind} → "?${expected}"`, async () => {
        const { uri } = await capture(
          makeRequest({
            operation: { parameters: [{ name: 'color', in: 'query', style, explode, schema: {} }] },
            parameters: [{ name: 'color', in: 'query', value: COLOR[kind] }],
          }),
        );
        expect(uri).toBe(`/things?${expected}`);
      });
    });
  }
  it('uses form/explode=true for a query parameter the operation does not define', async () => {
    const { uri } = await capture(
      makeRequest({ parameters: [{ name: 'color', in: 'query', value: COLOR.array }] }),
    );
    expect(uri).toBe('/things?color=blue&color=black&color=brown');
  });
  it('percent-encodes reserved characters unless allowReserved', async () => {
    const plain = await capture(
      makeRequest({ parameters: [{ name: 'q', in: 'query', value: 'a/b?c&d=e f' }] }),
    );
    expect(plain.uri).toBe('/things?q=a%2Fb%3Fc%26d%3De%20f');
    const reserved = await capture(
      makeRequest({
        operation: { parameters: [{ name: 'q', in: 'query', allowReserved: true, schema: {} }] },
        parameters: [{ name: 'q', in: 'query', value: 'a/b?c' }],
      }),
    );
    expect(reserved.uri).toBe('/things?q=a/b?c');
  });
  it('JSON-encodes parameters defined with content instead of schema', async () => {
    const { uri } = await capture(
      makeRequest({
        operation: { parameters: [{ name: 'filter', in: 'query', content: { 'application/json': {} } }] },
        parameters: [{ name: 'filter', in: 'query', value: { a: 1 } }],
      }),
    );
    expect(decodeURIComponent(uri)).toBe('/things?filter={"a":1}');
  });
});

describe('header parameters (simple)', () => {
  const rows: Array<[boolean, string, string, string]> = [
    [false, 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
    [true, 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ];
  for (const [explode, ...cells] of rows) {
    (['string', 'array', 'object'] as const).forEach((kind, i) => {
      it(`simple explode=${explode} ${kind} → "${cells[i]}"`, async () => {
        const { headers } = await capture(
          makeRequest({
            operation: {
              parameters: [{ name: 'X-Color', in: 'header', style: 'simple', explode, schema: {} }],
            },
            parameters: [{ name: 'X-Color', in: 'header', value: COLOR[kind] }],
          }),
        );
        expect(headers['x-color']).toBe(cells[i]);
      });
    });
  }
});

describe('cookie parameters (form)', () => {
  const rows: Array<[boolean, string, string, string, string]> = [
    [false, 'color=', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
    [true, 'color=', 'color=blue', 'color=blue; color=black; color=brown', 'R=100; G=200; B=150'],
  ];
  for (const [explode, ...cells] of rows) {
    KINDS.forEach((kind, i) => {
      it(`form explode=${explode} ${kind} → "${cells[i]}"`, async () => {
        const { headers } = await capture(
          makeRequest({
            operation: { parameters: [{ name: 'color', in: 'cookie', explode, schema: {} }] },
            parameters: [{ name: 'color', in: 'cookie', value: COLOR[kind] }],
          }),
        );
        expect(headers.cookie).toBe(cells[i]);
      });
    });
  }
});

describe('serializeParameter', () => {
  it('defaults: path simple, query form explode, header simple', () => {
    expect(serializeParameter({ name: 'c', in: 'path', value: COLOR.array }).text).toBe('blue,black,brown');
    expect(serializeParameter({ name: 'c', in: 'query', value: COLOR.object }).pairs).toEqual([
      'R=100',
      'G=200',
      'B=150',
    ]);
    expect(serializeParameter({ name: 'c', in: 'header', value: 'a b' }).text).toBe('a b');
  });
  it('percent-encodes path values, including slashes', () => {
    expect(serializeParameter({ name: 'id', in: 'path', value: 'a/b c' }).text).toBe('a%2Fb%20c');
  });
});
