/**
 * Creates the TOTP registration of a user or member. One active TOTP per subject: when a verified
 * registration exists the answer is 400 `active_totp_exists` (Stytch: "Users may only have one
 * active TOTP at a time"). An unverified registration is not active: a new create replaces it, and
 * its secret and recovery codes stop working. That is how Stytch lets an enrollment be restarted
 * ("the member will have to restart the registration flow" when it expires unauthenticated).
 */
import { createId, createRecoveryCodes, createTotpSecret } from '../crypto/random-values.js';
import { fail } from '../http/stytch-error.js';
import type { SandboxState, TotpRecord } from './records.js';

/** Default and bounds of `expiration_minutes` for an unverified registration. */
export const TOTP_EXPIRATION_MINUTES = { default: 60, min: 5, max: 1440 } as const;

/** Creates (or replaces an unverified) registration for `subjectId` and returns it. */
export function createTotpRegistration(options: {
  state: SandboxState;
  kind: 'consumer' | 'b2b';
  subjectId: string;
  expirationMinutes: number | undefined;
}): TotpRecord {
  const { state, kind } = options;
  const current = state.totps.get(options.subjectId);
  if (current?.verified === true) {
    fail(
      400,
      'active_totp_exists',
      'Cannot create a new TOTP since one already exists and is active. Only one active TOTP is allowed at a time.',
    );
  }
  const now = state.clock();
  const codeKind = kind === 'b2b' ? 'member-totp-recovery-code' : 'totp-recovery-code';
  const record: TotpRecord = {
    id: createId({ kind: kind === 'b2b' ? 'member-totp' : 'totp', env: state.env }),
    kind,
    subjectId: options.subjectId,
    secret: createTotpSecret(),
    verified: false,
    createdAt: now,
    expiresAt: now + (options.expirationMinutes ?? TOTP_EXPIRATION_MINUTES.default) * 60_000,
    recoveryCodes: createRecoveryCodes().map((code) => ({
      id: createId({ kind: codeKind, env: state.env }),
      code,
      used: false,
    })),
    usedSteps: new Set(),
  };
  state.totps.set(options.subjectId, record);
  return record;
}
