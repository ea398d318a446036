import type { ExpressionContext, InputRequest } from '@telaio/core';
import { TelaioError } from '@telaio/core';
import { createTotpInputProvider, generateTotpCode } from '@telaio/stytch-auth';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';

// RFC 6238 Appendix B: SHA1 seed "12345678901234567890" (ASCII), 8 digits, 30 s steps.
const RFC_SEED_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: ReadonlyArray<[seconds: number, code: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('generateTotpCode', () => {
  it('uses the RFC 6238 seed', () => {
    expect(Secret.fromBase32(RFC_SEED_BASE32).latin1).toBe('12345678901234567890');
  });

  it.each(RFC_VECTORS)('matches RFC 6238 at T=%i s (8 digits)', (seconds, code) => {
    expect(generateTotpCode({ secret: RFC_SEED_BASE32, timestamp: seconds * 1000, digits: 8 })).toBe(code);
  });

  it.each(RFC_VECTORS)('truncates to Stytch 6 digits at T=%i s', (seconds, code) => {
    expect(generateTotpCode({ secret: RFC_SEED_BASE32, timestamp: seconds * 1000 })).toBe(code.slice(-6));
  });

  it('keeps one code per 30 s window and zero-pads', () => {
    const at = (s: number) => generateTotpCode({ secret: RFC_SEED_BASE32, timestamp: s * 1000 });
    expect(at(1111111110)).toBe(at(1111111119));
    expect(at(1111111109)).not.toBe(at(1111111110));
    expect(at(1111111109)).toBe('081804');
    expect(at(1111111109)).toMatch(/^\d{6}$/);
  });

  it('accepts lower case, spaces and padding, and refuses what is not base32', () => {
    const want = generateTotpCode({ secret: RFC_SEED_BASE32, timestamp: 59_000 });
    expect(generateTotpCode({ secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq', timestamp: 59_000 })).toBe(
      want,
    );
    expect(() => generateTotpCode({ secret: 'not base32 at all!1' })).toThrow(TelaioError);
    expect(() => generateTotpCode({ secret: '' })).toThrow(/base32/);
  });
});

function contextWith(steps: ExpressionContext['steps']): ExpressionContext {
  return { inputs: {}, outputs: {}, steps, workflows: {}, sourceDescriptions: {}, components: {} };
}

function request(context: ExpressionContext): InputRequest {
  return { name: 'code', workflowId: 'totp-enrollment', context, signal: new AbortController().signal };
}

describe('createTotpInputProvider', () => {
  const secret = new Secret({ size: 20 }).base32;
  const now = 1_700_000_000_000;

  it('evaluates $steps.createTotp.outputs.secret at resolve time and returns the current code', async () => {
    const provider = createTotpInputProvider({
      expression: '$steps.createTotp.outputs.secret',
      clock: () => now,
    });
    expect(provider.secret).toBe(true);
    const code = await provider.resolve(request(contextWith({ createTotp: { outputs: { secret } } })));
    expect(code).toBe(TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now }));
    expect(code).toMatch(/^\d{6}$/);
  });

  it('follows the clock and honours digits and period', async () => {
    let t = now;
    const provider = createTotpInputProvider({
      expression: 'totp:$inputs.seed',
      digits: 8,
      period: 60,
      clock: () => t,
    });
    const ctx: ExpressionContext = { ...contextWith({}), inputs: { seed: secret } };
    const first = await provider.resolve(request(ctx));
    t += 60_000;
    const second = await provider.resolve(request(ctx));
    expect(first).toMatch(/^\d{8}$/);
    expect(second).not.toBe(first);
    expect(second).toBe(
      TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: t, digits: 8, period: 60 }),
    );
  });

  it('refuses a malformed expression at creation', () => {
    expect(() => createTotpInputProvider({ expression: 'steps.createTotp.outputs.secret' })).toThrow(
      expect.objectContaining({ code: 'totp-expression-invalid' }),
    );
    expect(() => createTotpInputProvider({ expression: '$steps.createTotp.outputs.secret extra' })).toThrow(
      TelaioError,
    );
  });

  it('fails clearly at resolve time when the expression yields no secret', () => {
    const provider = createTotpInputProvider({ expression: '$steps.createTotp.outputs.secret' });
    const run = () => provider.resolve(request(contextWith({})));
    expect(run).toThrow(expect.objectContaining({ code: 'totp-secret-missing' }));
    expect(run).toThrow(/createTotp/);
    const wrongType = () =>
      provider.resolve(request(contextWith({ createTotp: { outputs: { secret: 42 } } })));
    expect(wrongType).toThrow(/number/);
  });
});
