import { buildUrl, encodeBody, serializeParameter } from '@telaio/http-adapter';
import { describe, expect, it } from 'vitest';
import { makeRequest } from './helpers.js';

const VALUES = ['blue', 'black brown', 'a|b'];

describe('Swagger 2.0 §Parameter Object collectionFormat', () => {
  const rows: Array<[format: string, query: string[], path: string, header: string]> = [
    ['csv', ['color=blue,black%20brown,a%7Cb'], 'blue,black%20brown,a%7Cb', 'blue,black brown,a|b'],
    ['ssv', ['color=blue%20black%20brown%20a%7Cb'], 'blue%20black%20brown%20a%7Cb', 'blue black brown a|b'],
    ['tsv', ['color=blue%09black%20brown%09a%7Cb'], 'blue%09black%20brown%09a%7Cb', 'blue\tblack brown\ta|b'],
    ['pipes', ['color=blue%7Cblack%20brown%7Ca%7Cb'], 'blue%7Cblack%20brown%7Ca%7Cb', 'blue|black brown|a|b'],
    [
      'multi',
      ['color=blue', 'color=black%20brown', 'color=a%7Cb'],
      'blue,black%20brown,a%7Cb',
      'blue,black brown,a|b',
    ],
  ];
  it.each(rows)('%s joins arrays in query, path and header', (collectionFormat, query, path, header) => {
    const at = (where: 'query' | 'path' | 'header') =>
      serializeParameter({ name: 'color', in: where, value: VALUES, collectionFormat });
    expect(at('query').pairs).toEqual(query);
    expect(at('path').text).toBe(path);
    expect(at('header').text).toBe(header);
  });

  it('leaves scalars to the location defaults', () => {
    expect(
      serializeParameter({ name: 'n', in: 'query', value: 'x y', collectionFormat: 'pipes' }).pairs,
    ).toEqual(['n=x%20y']);
  });

  it('joins formData arrays by their collectionFormat, url-encoded and multipart', async () => {
    const operation = (type: string) => ({
      method: 'post',
      requestBody: {
        content: {
          [type]: { encoding: { tags: { collectionFormat: 'pipes' }, ids: { collectionFormat: 'multi' } } },
        },
      },
    });
    const value = { tags: ['a', 'b'], ids: [1, 2] };
    const form = await encodeBody({
      request: makeRequest({ operation: operation('application/x-www-form-urlencoded'), body: { value } }),
    });
    expect(form?.text).toBe('tags=a%7Cb&ids=1&ids=2');
    const multipart = await encodeBody({
      request: makeRequest({ operation: operation('multipart/form-data'), body: { value } }),
    });
    const parts = (multipart?.text ?? '')
      .split(/\r\n/)
      .filter((line) => line !== '' && !line.startsWith('--'));
    expect(parts).toEqual([
      'Content-Disposition: form-data; name="tags"',
      'a|b',
      'Content-Disposition: form-data; name="ids"',
      '1',
      'Content-Disposition: form-data; name="ids"',
      '2',
    ]);
  });
});

describe('OpenAPI 3.2 §Parameter Object in: querystring', () => {
  const operation = (mediaType: string) => ({
    parameters: [{ name: 'q', in: 'querystring' as const, content: { [mediaType]: {} } }],
  });
  it('sends a form-urlencoded object as the whole query string, arrays repeated', () => {
    const request = makeRequest({
      operation: operation('application/x-www-form-urlencoded'),
      parameters: [{ name: 'q', in: 'querystring', value: { status: 'open now', tag: ['a', 'b'] } }],
    });
    expect(buildUrl({ request }).url).toBe('http://api.test/things?status=open%20now&tag=a&tag=b');
  });

  it('sends a string as given and other media types percent-encoded', () => {
    const asString = makeRequest({
      operation: operation('application/x-www-form-urlencoded'),
      parameters: [{ name: 'q', in: 'querystring', value: '?a=1&b=2' }],
    });
    expect(buildUrl({ request: asString }).url).toBe('http://api.test/things?a=1&b=2');
    const asJson = makeRequest({
      operation: operation('application/json'),
      parameters: [{ name: 'q', in: 'querystring', value: { a: 1 } }],
    });
    expect(buildUrl({ request: asJson }).url).toBe('http://api.test/things?%7B%22a%22%3A1%7D');
  });
});
