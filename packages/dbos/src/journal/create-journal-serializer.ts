import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { DBOSSerializer } from '@dbos-inc/dbos-sdk';
import { DBOSJSON } from '@dbos-inc/dbos-sdk/internal/serialization';
import { TelaioError } from '@telaio/core';

/** The name DBOS records beside every value this serializer wrote (its `serialization` column). */
export const JOURNAL_SERIALIZER_NAME = 'telaio_aes256gcm_superjson';

const PREFIX = 'telaio-aes-256-gcm:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The serializer of every value DBOS stores for telaio (workflow inputs and results, step results,
 * messages, events): DBOS's own SuperJSON encoding, then AES-256-GCM with `key` and a random 96-bit
 * IV per value, so responses, credentials, inputs and TOTP codes are encrypted at rest and a value
 * altered in the database fails to open. A value that will not open (another key, tampering) throws
 * TelaioError `journal-key-mismatch`, which names no value.
 */
export function createJournalSerializer(options: { readonly key: Buffer }): DBOSSerializer {
  const { key } = options;
  if (key.length !== 32) throw new TelaioError('journal-key-invalid', 'the journal key must be 32 bytes');
  const keyId = createHash('sha256').update(key).digest('base64url').slice(0, 8);
  return {
    name: () => JOURNAL_SERIALIZER_NAME,
    stringify(value: unknown): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(keyId));
      const sealed = Buffer.concat([cipher.update(DBOSJSON.stringify(value), 'utf8'), cipher.final()]);
      return `${PREFIX}${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
    },
    parse(text: string | null | undefined): unknown {
      if (text === null || text === undefined) return null;
      if (!text.startsWith(PREFIX)) throw mismatch('it was not written by telaio (no journal envelope)');
      const [id, payload] = text.slice(PREFIX.length).split(':');
      if (id !== keyId || payload === undefined)
        throw mismatch(`it was encrypted with another key (key id ${id}, this key's id ${keyId})`);
      const bytes = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(keyId));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      let plain: string;
      try {
        plain = Buffer.concat([
          decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw mismatch('it failed authentication (altered in the database)');
      }
      return DBOSJSON.parse(plain);
    },
  };
}

/** The error for a journal value that cannot be opened. */
function mismatch(why: string): TelaioError {
  return new TelaioError('journal-key-mismatch', `a journal value cannot be decrypted: ${why}`);
}
