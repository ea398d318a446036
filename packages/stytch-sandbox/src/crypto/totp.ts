/**
 * RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps) on node:crypto. Implemented here rather than
 * through a library because verification must report *which* time step matched: that step is what
 * the sandbox records to refuse a replayed code.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { decodeBase32 } from './base32.js';

/** Seconds in one TOTP time step. */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;

/** The RFC 4226 HOTP value of `key` at `counter`, as a zero-padded decimal string. */
function hotp(key: Uint8Array, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** The time step containing `timeMs` (milliseconds since the epoch). */
export function timeStepAt(options: { timeMs: number }): number {
  return Math.floor(options.timeMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The current 6-digit code for a base32 `secret` at `time` (ms since the epoch, default now).
 * Exported for tests and demos; clients of the sandbox generate codes with their own implementation.
 */
export function generateTotpCode(options: { secret: string; time?: number }): string {
  const key = decodeBase32({ text: options.secret });
  if (key === undefined)
    throw Object.assign(new Error('TOTP secret is not base32'), { code: 'TOTP_SECRET_INVALID' });
  return hotp(key, timeStepAt({ timeMs: options.time ?? Date.now() }));
}

/**
 * Finds the time step, among the previous, current and next one around `timeMs`, whose code equals
 * `code`. Returns that step, or undefined when none matches (comparison in constant time).
 */
export function matchTotpStep(options: {
  secret: string;
  code: string;
  timeMs: number;
  window?: number;
}): number | undefined {
  const key = decodeBase32({ text: options.secret });
  if (key === undefined || !/^\d{6}$/.test(options.code)) return undefined;
  const given = Buffer.from(options.code);
  const current = timeStepAt({ timeMs: options.timeMs });
  const window = options.window ?? 1;
  let matched: number | undefined;
  for (let step = current - window; step <= current + window; step++) {
    // Check every step even after a match, so timing does not reveal which window matched.
    if (timingSafeEqual(Buffer.from(hotp(key, step)), given) && matched === undefined) matched = step;
  }
  return matched;
}
