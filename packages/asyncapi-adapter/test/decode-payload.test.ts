/**
 * How received bytes become `$message.payload` (decode-payload.ts): by content type (the protocol's,
 * else the one the subscription's AsyncAPI messages declare), JSON sniffed when none is known,
 * invalid UTF-8 kept as bytes, a UTF-8 byte order mark not part of the text.
 */
import { decodePayload } from '@telaio/asyncapi-adapter';
import { describe, expect, it } from 'vitest';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('decodePayload (AsyncAPI Message Object contentType; Arazzo 1.1 $message.payload)', () => {
  it('parses JSON by content type or by its first character, and keeps other text as text', () => {
    expect(decodePayload(bytes('{"a":1}'), 'application/json', [])).toEqual({
      payload: { a: 1 },
      body: '{"a":1}',
      contentType: 'application/json',
    });
    expect(decodePayload(bytes(' [1,2]'), undefined, [])).toEqual({ payload: [1, 2], body: ' [1,2]' });
    expect(decodePayload(bytes('42'), undefined, [])).toEqual({ payload: '42', body: '42' });
    expect(decodePayload(bytes('{not json'), 'application/json', [])).toEqual({
      payload: '{not json',
      body: '{not json',
      contentType: 'application/json',
    });
    expect(decodePayload(bytes('<a/>'), undefined, [{ contentType: 'application/xml' } as never])).toEqual({
      payload: '<a/>',
      body: '<a/>',
      contentType: 'application/xml',
    });
    expect(decodePayload(bytes(''), undefined, [])).toEqual({ payload: '', body: '' });
  });

  it('keeps bytes that are not UTF-8 (or of a binary type) as bytes, with a base64 body', () => {
    const invalid = new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]);
    const got = decodePayload(invalid, undefined, []);
    expect(got.payload).toEqual(invalid);
    expect(got.body).toBe(`base64:${Buffer.from(invalid).toString('base64')}`);
    expect(decodePayload(bytes('abc'), 'application/octet-stream', []).body).toBe('base64:YWJj');
    // An overlong encoding of '/' and a lone surrogate are not UTF-8 either.
    expect(decodePayload(new Uint8Array([0xc0, 0xaf]), undefined, []).payload).toBeInstanceOf(Uint8Array);
    expect(decodePayload(new Uint8Array([0xed, 0xa0, 0x80]), undefined, []).payload).toBeInstanceOf(
      Uint8Array,
    );
  });

  it('drops a leading byte order mark from the text, as a UTF-8 decoder does', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"a":1}')]);
    expect(decodePayload(withBom, undefined, [])).toEqual({ payload: { a: 1 }, body: '{"a":1}' });
  });
});
