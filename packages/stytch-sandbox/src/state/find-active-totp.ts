/** The verified (active) TOTP registration of a user or member, or 404 `totp_not_found`. */
import { fail } from '../http/stytch-error.js';
import type { SandboxState, TotpRecord } from './records.js';

/** Returns the active registration of `subjectId`; recovery codes exist only once one is verified. */
export function findActiveTotp(options: { state: SandboxState; subjectId: string }): TotpRecord {
  const totp = options.state.totps.get(options.subjectId);
  if (totp === undefined || !totp.verified)
    fail(
      404,
      'totp_not_found',
      'No active TOTP registration could be found for this member; recovery codes come with one.',
    );
  return totp;
}
