/**
 * The journal's encryption at rest (issue 20 pt 2): every value DBOS stores for telaio goes through
 * an AES-256-GCM serializer keyed by TELAIO_JOURNAL_KEY; a missing or malformed key is a clear error
 * that never quotes the value, and a value from another key or altered in the database fails to open.
 */
import { randomBytes } from 'node:crypto';
import { createJournalSerializer, JOURNAL_SERIALIZER_NAME, readJournalKey } from '@telaio/dbos';
import { describe, expect, it } from 'vitest';

const key = randomBytes(32);

describe('journal encryption (issue 20 pt 2: secrets encrypted at rest with a key from the environment)', () => {
  it('round-trips step results (undefined fields, bytes, nested values) and hides their text', async () => {
    const serializer = createJournalSerializer({ key });
    const value = {
      statusCode: 200,
      body: { secret: 'JBSWY3DPEHPK3PXP', recovery_codes: ['abcd-efgh'] },
      bytes: Buffer.from([1, 2, 3]),
      missing: undefined,
    };
    const text = await serializer.stringify(value);
    expect(serializer.name()).toBe(JOURNAL_SERIALIZER_NAME);
    expect(text).not.toContain('JBSWY3DPEHPK3PXP');
    expect(text).not.toContain('abcd-efgh');
    expect(text).not.toContain('statusCode');
    expect(await serializer.parse(text)).toEqual(value);
    expect(await serializer.stringify(value)).not.toBe(text); // a fresh IV per value
    expect(await serializer.parse(null)).toBeNull();
  });

  it('refuses a value from another key and a value altered in the database (journal-key-mismatch)', async () => {
    const text = await createJournalSerializer({ key }).stringify({ token: 'session-token-1' });
    expect(() => createJournalSerializer({ key: randomBytes(32) }).parse(text)).toThrow(
      expect.objectContaining({
        code: 'journal-key-mismatch',
        message: expect.stringContaining('another key'),
      }),
    );
    const cut = text.length - 6;
    const altered = `${text.slice(0, cut)}${text[cut] === 'A' ? 'B' : 'A'}${text.slice(cut + 1)}`;
    expect(() => createJournalSerializer({ key }).parse(altered)).toThrow(
      expect.objectContaining({ code: 'journal-key-mismatch', message: expect.stringContaining('altered') }),
    );
    expect(() => createJournalSerializer({ key }).parse('{"json":1}')).toThrow(
      expect.objectContaining({ code: 'journal-key-mismatch' }),
    );
  });

  it('reads TELAIO_JOURNAL_KEY as hex or base64, and says how to make one when it is missing', () => {
    expect(readJournalKey({ TELAIO_JOURNAL_KEY: key.toString('hex') })).toEqual(key);
    expect(readJournalKey({ TELAIO_JOURNAL_KEY: key.toString('base64') })).toEqual(key);
    expect(readJournalKey({ TELAIO_JOURNAL_KEY: key.toString('base64url') })).toEqual(key);
    for (const env of [{}, { TELAIO_JOURNAL_KEY: ' ' }]) {
      expect(() => readJournalKey(env)).toThrow(
        expect.objectContaining({
          code: 'journal-key-missing',
          message: expect.stringContaining('openssl rand -base64 32'),
        }),
      );
    }
    const short = 'c2hvcnQtc2VjcmV0LWtleS12YWx1ZQ==';
    try {
      readJournalKey({ TELAIO_JOURNAL_KEY: short });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'journal-key-invalid' });
      expect((error as Error).message).not.toContain(short);
    }
  });
});
