/** Input providers for the e2e tests: one that remembers the codes it gave, one that gives wrong codes. */
import type { InputProvider, InputRequest } from '@telaio/core';
import { createTotpInputProvider, generateTotpCode } from '@telaio/stytch-auth';

/** A `totp:EXPR` provider that also keeps every code it returned (to replay one later). */
export function createRecordingTotpProvider(options: {
  expression: string;
}): InputProvider & { codes: string[] } {
  const inner = createTotpInputProvider({ expression: options.expression });
  const codes: string[] = [];
  return {
    secret: true,
    codes,
    async resolve(request: InputRequest) {
      const code = String(await inner.resolve(request));
      codes.push(code);
      return code;
    },
  };
}

/**
 * A provider that reads the secret of `stepId` and returns a 6-digit code that is valid in none of
 * the windows the server accepts (previous, current, next), so authenticate must refuse it.
 */
export function createWrongTotpProvider(options: { stepId: string }): InputProvider {
  return {
    secret: true,
    resolve(request: InputRequest) {
      const secret = request.context.steps[options.stepId]?.outputs.secret;
      if (typeof secret !== 'string') throw new Error(`step ${options.stepId} returned no secret`);
      const now = Date.now();
      const valid = new Set(
        [-60_000, -30_000, 0, 30_000, 60_000].map((d) => generateTotpCode({ secret, timestamp: now + d })),
      );
      let candidate = (Number(generateTotpCode({ secret, timestamp: now })) + 500_000) % 1_000_000;
      while (valid.has(String(candidate).padStart(6, '0'))) candidate = (candidate + 1) % 1_000_000;
      return String(candidate).padStart(6, '0');
    },
  };
}
