import { TelaioError } from '@telaio/core';

/**
 * `secret` as canonical base32 (RFC 4648): upper case, without spaces, dashes or `=` padding.
 * Throws a TelaioError `totp-secret-invalid` when what is left is empty or not base32; the message
 * never repeats the secret.
 */
export function normaliseBase32(secret: string): string {
  const cleaned = secret
    .replace(/[\s-]+/g, '')
    .replace(/=+$/, '')
    .toUpperCase();
  if (cleaned === '' || !/^[A-Z2-7]+$/.test(cleaned)) {
    throw new TelaioError(
      'totp-secret-invalid',
      'a TOTP secret must be a non-empty base32 string (letters A-Z and digits 2-7)',
    );
  }
  return cleaned;
}
