import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpTransport } from '@telaio/http-adapter';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeContext, makeRequest } from './helpers.js';

const transport = createHttpTransport();
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => {
  transport.close();
  nock.enableNetConnect();
});

/** Posts a body and returns the content type and the raw bytes the server received. */
async function post(
  request: ReturnType<typeof makeRequest>,
): Promise<{ contentType: string; bytes: Buffer }> {
  let seen = { contentType: '', bytes: Buffer.alloc(0) };
  nock('http://api.test')
    .post('/things')
    .reply(function (_uri, body) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      // nock hands binary bodies over hex-encoded
      const bytes =
        /^[0-9a-f]+$/.test(text) &&
        text.length % 2 === 0 &&
        text.length > 0 &&
        !/[g-z]/.test(text) &&
        request.body?.value instanceof Uint8Array
          ? Buffer.from(text, 'hex')
          : Buffer.from(text, 'utf8');
      seen = { contentType: String(this.req.headers['content-type']), bytes };
      return [204];
    });
  await transport.send(request, makeContext());
  return seen;
}

const postOp = (
  content: Record<string, { readonly schema?: unknown; readonly encoding?: unknown }> = {},
) => ({
  method: 'post',
  requestBody: { content },
});

describe('request bodies', () => {
  it('sends JSON by default, and a JSON string as is', async () => {
    const a = await post(makeRequest({ operation: postOp(), body: { value: { a: 1, b: [true] } } }));
    expect(a.contentType).toBe('application/json');
    expect(JSON.parse(a.bytes.toString())).toEqual({ a: 1, b: [true] });
    const b = await post(
      makeRequest({ operation: postOp({ 'application/vnd.x+json': {} }), body: { value: '{"raw":true}' } }),
    );
    expect(b.contentType).toBe('application/vnd.x+json');
    expect(b.bytes.toString()).toBe('{"raw":true}');
  });

  it('url-encodes forms: arrays repeated, nested objects flattened, encoding object honoured', async () => {
    const { contentType, bytes } = await post(
      makeRequest({
        operation: postOp({
          'application/x-www-form-urlencoded': {
            encoding: { ids: { style: 'form', explode: false }, meta: { contentType: 'application/json' } },
          },
        }),
        body: {
          value: { name: 'A B&C', tags: ['x', 'y'], ids: [1, 2], address: { city: 'Rome' }, meta: { k: 1 } },
        },
      }),
    );
    expect(contentType).toBe('application/x-www-form-urlencoded');
    const params = new URLSearchParams(bytes.toString());
    expect(params.get('name')).toBe('A B&C');
    expect(params.getAll('tags')).toEqual(['x', 'y']);
    expect(params.get('ids')).toBe('1,2');
    expect(params.get('address[city]')).toBe('Rome');
    expect(JSON.parse(params.get('meta') ?? '')).toEqual({ k: 1 });
  });

  it('sends multipart/form-data with fields and files from paths and buffers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'telaio-'));
    const file = join(dir, 'notes.txt');
    await writeFile(file, 'hello file');
    const { contentType, bytes } = await post(
      makeRequest({
        operation: postOp({ 'multipart/form-data': {} }),
        body: {
          value: {
            title: 'T',
            count: 3,
            doc: { path: file },
            blob: Buffer.from('raw-bytes'),
            meta: { a: 1 },
          },
        },
      }),
    );
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(bytes), {
      headers: { 'content-type': contentType },
    }).formData();
    expect(form.get('title')).toBe('T');
    expect(form.get('count')).toBe('3');
    const doc = form.get('doc') as File;
    expect(doc.name).toBe('notes.txt');
    expect(doc.type).toBe('text/plain');
    expect(await doc.text()).toBe('hello file');
    const blob = form.get('blob') as File;
    expect(blob.type).toBe('application/octet-stream');
    expect(await blob.text()).toBe('raw-bytes');
    expect(bytes.toString()).toMatch(/name="meta"\r\nContent-Type: application\/json\r\n\r\n\{"a":1\}/);
  });

  it('sends an XML string as is and writes objects as XML', async () => {
    const a = await post(
      makeRequest({ operation: postOp({ 'application/xml': {} }), body: { value: '<a x="1">t</a>' } }),
    );
    expect(a.contentType).toBe('application/xml');
    expect(a.bytes.toString()).toBe('<a x="1">t</a>');
    const b = await post(
      makeRequest({
        operation: postOp({ 'application/xml': {} }),
        body: { value: { pet: { '@id': 7, name: 'R&B', tag: ['a', 'b'] } } },
      }),
    );
    expect(b.bytes.toString()).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><pet id="7"><name>R&amp;B</name><tag>a</tag><tag>b</tag></pet>',
    );
  });

  it('sends text/* as text', async () => {
    const { contentType, bytes } = await post(
      makeRequest({
        operation: postOp(),
        body: { contentType: 'text/plain; charset=utf-8', value: 'héllo' },
      }),
    );
    expect(contentType).toBe('text/plain; charset=utf-8');
    expect(bytes.toString('utf8')).toBe('héllo');
  });

  it('sends binary bodies byte for byte', async () => {
    const data = new Uint8Array([0, 255, 1, 128, 7]);
    const { contentType, bytes } = await post(
      makeRequest({ operation: postOp({ 'application/octet-stream': {} }), body: { value: data } }),
    );
    expect(contentType).toBe('application/octet-stream');
    expect([...bytes]).toEqual([0, 255, 1, 128, 7]);
  });
});

describe('response parsing', () => {
  const get = async (status: number, body: string | Buffer, headers: Record<string, string | string[]>) => {
    nock('http://api.test').get('/things').reply(status, body, headers);
    return transport.send(makeRequest({}), makeContext());
  };
  it('parses JSON and +json', async () => {
    expect((await get(200, '{"a":[1]}', { 'Content-Type': 'application/json' })).body).toEqual({ a: [1] });
    expect((await get(400, '{"type":"x"}', { 'Content-Type': 'application/problem+json' })).body).toEqual({
      type: 'x',
    });
  });
  it('keeps a JSON body that does not parse as the raw string', async () => {
    expect((await get(200, '{"a":', { 'Content-Type': 'application/json' })).body).toBe('{"a":');
  });
  it('returns XML and text as strings', async () => {
    expect((await get(200, '<a>1</a>', { 'Content-Type': 'application/xml' })).body).toBe('<a>1</a>');
    expect((await get(200, 'plain', { 'Content-Type': 'text/plain' })).body).toBe('plain');
  });
  it('returns binary as Uint8Array and empty as undefined', async () => {
    const binary = await get(200, Buffer.from([1, 2, 250]), { 'Content-Type': 'image/png' });
    expect(binary.body).toBeInstanceOf(Uint8Array);
    expect([...(binary.body as Uint8Array)]).toEqual([1, 2, 250]);
    expect((await get(204, '', {})).body).toBeUndefined();
  });
  it('lower-cases header names and joins repeated ones', async () => {
    const response = await get(200, 'x', {
      'X-Trace': ['a', 'b'],
      'Set-Cookie': ['s=1; Path=/', 't=2'],
      'Content-Type': 'text/plain',
    });
    expect(response.headers['x-trace']).toBe('a, b');
    expect(response.headers['set-cookie']).toBe('s=1; Path=/\nt=2');
    expect(response.statusCode).toBe(200);
  });
});
