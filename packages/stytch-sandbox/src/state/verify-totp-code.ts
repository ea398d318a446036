/**
 * The heart of TOTP authenticate, shared by the consumer and B2B endpoints: rate limit, find the
 * registration, match the code within one step either side, refuse a replayed step, then mark the
 * step used and the registration verified. Synchronous from check to mutation, so two concurrent
 * requests with the same code cannot both succeed.
 */
import { matchTotpStep, timeStepAt } from '../crypto/totp.js';
import { fail } from '../http/stytch-error.js';
import { consumeAttempt } from './consume-attempt.js';
import type { SandboxState, TotpRecord } from './records.js';

/** Accepts `code` for `subjectId`'s registration or throws Stytch's error; returns the registration. */
export function verifyTotpCode(options: {
  state: SandboxState;
  subjectId: string;
  code: string;
}): TotpRecord {
  const { state, subjectId } = options;
  consumeAttempt({ state, subjectId });
  const now = state.clock();
  const totp = state.totps.get(subjectId);
  if (totp === undefined || (!totp.verified && totp.expiresAt <= now)) {
    fail(
      404,
      'totp_not_found',
      'No TOTP registration could be found for this user or member; create one first.',
    );
  }
  const step = matchTotpStep({ secret: totp.secret, code: options.code.trim(), timeMs: now });
  if (step === undefined) {
    fail(404, 'otp_code_not_found', 'The passcode was incorrect and could not be authenticated.');
  }
  if (totp.usedSteps.has(step)) {
    fail(
      400,
      'totp_code_already_authenticated',
      'This TOTP code has already been authenticated. Please attempt with the next generated code.',
    );
  }
  const oldest = timeStepAt({ timeMs: now }) - 2;
  for (const used of totp.usedSteps) if (used < oldest) totp.usedSteps.delete(used);
  totp.usedSteps.add(step);
  totp.verified = true;
  return totp;
}
