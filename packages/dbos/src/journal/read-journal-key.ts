import { TelaioError } from '@telaio/core';

/** The environment variable holding the key that encrypts durable runs' journals at rest. */
export const JOURNAL_KEY_VARIABLE = 'TELAIO_JOURNAL_KEY';

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * The 32-byte AES-256 key of the journal, from `TELAIO_JOURNAL_KEY` (64 hex digits, or base64 /
 * base64url of 32 bytes: `openssl rand -base64 32`). Throws TelaioError `journal-key-missing` when
 * the variable is unset or empty and `journal-key-invalid` when it is not 32 bytes; neither message
 * quotes the value.
 */
export function readJournalKey(env: Readonly<Record<string, string | undefined>> = process.env): Buffer {
  const text = env[JOURNAL_KEY_VARIABLE]?.trim();
  if (text === undefined || text === '') {
    throw new TelaioError(
      'journal-key-missing',
      `${JOURNAL_KEY_VARIABLE} is not set: durable runs keep their journal (responses, inputs, ` +
        'TOTP codes) encrypted in PostgreSQL with that key. Give every worker and client the same ' +
        `32 random bytes, e.g. export ${JOURNAL_KEY_VARIABLE}="$(openssl rand -base64 32)"`,
      { details: { variable: JOURNAL_KEY_VARIABLE } },
    );
  }
  const key = decodeKey(text);
  if (key === undefined || key.length !== 32) {
    throw new TelaioError(
      'journal-key-invalid',
      `${JOURNAL_KEY_VARIABLE} must hold 32 bytes as 64 hex digits or base64 (openssl rand -base64 32); ` +
        `it holds ${text.length} characters that are neither`,
      { details: { variable: JOURNAL_KEY_VARIABLE } },
    );
  }
  return key;
}

/** The bytes of a hex or base64(url) key, or undefined when it is neither. */
function decodeKey(text: string): Buffer | undefined {
  if (HEX_KEY.test(text)) return Buffer.from(text, 'hex');
  if (BASE64_KEY.test(text)) return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return undefined;
}
