/**
 * Session JWTs: real HS256 JWTs signed with the sandbox's secret. Stytch signs RS256 with project
 * keys; HS256 keeps the sandbox free of key management while still being a JWT any library parses.
 * The claims follow Stytch's: `sub`, `iss`, `aud`, `iat`, `nbf`, `exp` (five minutes, as Stytch),
 * and the `https://stytch.com/session` claim naming the session.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims the sandbox puts in (and reads back from) a session JWT. */
export interface SessionJwtClaims {
  sub: string;
  iss: string;
  aud: string[];
  iat: number;
  nbf: number;
  exp: number;
  'https://stytch.com/session': {
    id: string;
    started_at: string;
    last_accessed_at: string;
    expires_at: string;
    authentication_factors: unknown[];
  };
  'https://stytch.com/organization'?: { organization_id: string; slug: string };
}

/** Lifetime of a session JWT, as Stytch: five minutes whatever the session's own duration. */
export const SESSION_JWT_LIFETIME_SECONDS = 300;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (input: string, key: string) => createHmac('sha256', key).update(input).digest();

/** Signs `claims` as an HS256 JWT with `key`. */
export function signSessionJwt(options: { claims: SessionJwtClaims; key: string; keyId: string }): string {
  const input = `${encode({ alg: 'HS256', typ: 'JWT', kid: options.keyId })}.${encode(options.claims)}`;
  return `${input}.${sign(input, options.key).toString('base64url')}`;
}

/**
 * Verifies a JWT's HS256 signature with `key` and returns its claims, or undefined when it is not a
 * well-formed JWT signed by this sandbox. Expiry is not checked here: like Stytch's sessions
 * authenticate, the caller accepts an expired JWT whose session is still alive.
 */
export function readSessionJwt(options: { jwt: string; key: string }): SessionJwtClaims | undefined {
  const parts = options.jwt.split('.');
  if (parts.length !== 3) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = sign(`${header}.${payload}`, options.key);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown };
    if (head.alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SessionJwtClaims;
    return typeof claims?.['https://stytch.com/session']?.id === 'string' ? claims : undefined;
  } catch {
    return undefined;
  }
}
