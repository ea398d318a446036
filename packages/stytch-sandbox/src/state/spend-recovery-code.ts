/**
 * Spends one recovery code of a user's or member's active TOTP registration: rate limit, then the
 * code must be one of the current set and unused; it is then marked used (single-use). Shared by
 * the consumer and B2B recover endpoints; synchronous from check to mutation.
 */
import { fail } from '../http/stytch-error.js';
import { consumeAttempt } from './consume-attempt.js';
import { findActiveTotp } from './find-active-totp.js';
import type { RecoveryCodeRecord, SandboxState, TotpRecord } from './records.js';

/** Marks `code` used and returns it with its registration, or throws Stytch's error. */
export function spendRecoveryCode(options: { state: SandboxState; subjectId: string; code: string }): {
  totp: TotpRecord;
  code: RecoveryCodeRecord;
} {
  const { state, subjectId } = options;
  consumeAttempt({ state, subjectId });
  const totp = findActiveTotp({ state, subjectId });
  const given = options.code.trim().toLowerCase();
  if (/^\d{6}$/.test(given))
    fail(400, 'totp_code_used_as_recovery_code', 'A TOTP code was passed where a recovery code is expected.');
  const code = totp.recoveryCodes.find((c) => !c.used && c.code === given);
  if (code === undefined)
    fail(
      404,
      'recovery_code_not_found',
      'The recovery code is not valid for this user or member, or was already used.',
    );
  code.used = true;
  return { totp, code };
}
