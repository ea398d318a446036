/**
 * Random values shaped like Stytch's: ids with kind and environment, TOTP secrets, recovery codes,
 * session tokens and request ids. All from node:crypto's CSPRNG.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { encodeBase32 } from './base32.js';

/** `test` or `live`, chosen from the project id as Stytch's SDKs do. */
export type Environment = 'test' | 'live';

/** An id such as `user-test-<uuid>`: the kind, the environment, a v4 uuid. */
export function createId(options: { kind: string; env: Environment }): string {
  return `${options.kind}-${options.env}-${randomUUID()}`;
}

/** A base32 TOTP secret of 32 characters (20 random bytes, 160 bits, as RFC 4226 recommends). */
export function createTotpSecret(): string {
  return encodeBase32({ bytes: randomBytes(20) });
}

const CODE_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `count` distinct recovery codes shaped `xxxx-xxxx-xxxx` (lowercase letters and digits). */
export function createRecoveryCodes(options: { count?: number } = {}): string[] {
  const codes = new Set<string>();
  while (codes.size < (options.count ?? 10)) {
    const groups = [0, 1, 2].map(() =>
      Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(''),
    );
    codes.add(groups.join('-'));
  }
  return [...codes];
}

/** An opaque session token of 44 URL-safe characters (33 random bytes), as long as Stytch's. */
export function createSessionToken(): string {
  return randomBytes(33).toString('base64url');
}

/** A random secret for a sandbox project, shaped like Stytch's `secret-test-...`. */
export function createProjectSecret(options: { env: Environment }): string {
  return `secret-${options.env}-${randomBytes(24).toString('base64url')}`;
}
