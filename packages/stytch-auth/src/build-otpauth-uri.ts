import { normaliseBase32 } from './normalise-base32.js';

/** Options of {@link buildOtpauthUri}. */
export interface BuildOtpauthUriOptions {
  /** The shared secret, base32. */
  readonly secret: string;
  /** Whose authenticator entry this is: a member or user id, an email. */
  readonly account: string;
  /** Shown by authenticator apps above the account; default `Stytch`. */
  readonly issuer?: string;
  readonly digits?: number;
  readonly period?: number;
}

/**
 * The Key URI an authenticator app scans (Google Authenticator's Key Uri Format):
 * `otpauth://totp/Issuer:account?secret=…&issuer=Issuer&algorithm=SHA1&digits=6&period=30`.
 */
export function buildOtpauthUri(options: BuildOtpauthUriOptions): string {
  const issuer = options.issuer ?? 'Stytch';
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(options.account)}`;
  const query = new URLSearchParams({
    secret: normaliseBase32(options.secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(options.digits ?? 6),
    period: String(options.period ?? 30),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
