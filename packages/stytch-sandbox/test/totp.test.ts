import { generateTotpCode } from '@telaio/stytch-sandbox';
import fc from 'fast-check';
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';

// RFC 6238 Appendix B: the SHA1 seed is ASCII "12345678901234567890"; the 8-digit values there end
// in these 6 digits (6-digit TOTP is the same HOTP value mod 10^6).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: Array<[number, string]> = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
];

describe('generateTotpCode', () => {
  it.each(RFC_VECTORS)('matches RFC 6238 at T=%i', (seconds, code) => {
    expect(generateTotpCode({ secret: RFC_SECRET, time: seconds * 1000 })).toBe(code);
  });

  it('agrees with the otpauth library for any secret and time', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 40 }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (bytes, time) => {
          const secret = new OTPAuth.Secret({ buffer: bytes.slice().buffer });
          const expected = new OTPAuth.TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({
            timestamp: time,
          });
          expect(generateTotpCode({ secret: secret.base32, time })).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects a secret that is not base32', () => {
    expect(() => generateTotpCode({ secret: 'not base32!' })).toThrow(/base32/);
  });
});
