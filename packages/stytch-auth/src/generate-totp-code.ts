import { Secret, TOTP } from 'otpauth';
import { normaliseBase32 } from './normalise-base32.js';

/** HMAC algorithms RFC 6238 allows. */
export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** Options of {@link generateTotpCode}. */
export interface GenerateTotpCodeOptions {
  /** The shared secret, base32 (RFC 4648; case, spaces and `=` padding ignored). */
  readonly secret: string;
  /** Unix time in milliseconds; default now. */
  readonly timestamp?: number;
  /** Code length; default 6 (Stytch). */
  readonly digits?: number;
  /** Time step in seconds; default 30 (Stytch). */
  readonly period?: number;
  /** Default SHA1 (Stytch, and most authenticator apps). */
  readonly algorithm?: TotpAlgorithm;
}

/**
 * The RFC 6238 time-based one-time password for `secret` at `timestamp`, zero-padded to `digits`.
 * Throws a TelaioError `totp-secret-invalid` when the secret is not base32.
 */
export function generateTotpCode(options: GenerateTotpCodeOptions): string {
  return TOTP.generate({
    secret: Secret.fromBase32(normaliseBase32(options.secret)),
    algorithm: options.algorithm ?? 'SHA1',
    digits: options.digits ?? 6,
    period: options.period ?? 30,
    timestamp: options.timestamp ?? Date.now(),
  });
}
