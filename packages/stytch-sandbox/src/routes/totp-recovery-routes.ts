/**
 * Consumer TOTP recovery codes: `POST /v1/totps/recovery_codes` lists a user's registration with its
 * unused codes; `POST /v1/totps/recover` spends one (single use). Like consumer TOTP authenticate,
 * recover returns a session only when `session_duration_minutes` or an existing session is given.
 */
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { presentUser } from '../present/present-user.js';
import { findCarriedSession } from '../state/find-carried-session.js';
import { findUser } from '../state/find-user.js';
import { spendRecoveryCode } from '../state/spend-recovery-code.js';
import { startConsumerSession } from '../state/start-consumer-session.js';

/** The consumer recovery code endpoints. */
export const totpRecoveryRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/totps/recovery_codes',
    handle({ state, body }) {
      const user = findUser({ state, userId: readFields({ body }).string('user_id') });
      const totp = state.totps.get(user.userId);
      const totps =
        totp === undefined
          ? []
          : [
              {
                totp_id: totp.id,
                verified: totp.verified,
                recovery_codes: totp.recoveryCodes.filter((c) => !c.used).map((c) => c.code),
              },
            ];
      return { user_id: user.userId, totps };
    },
  },
  {
    method: 'POST',
    path: '/v1/totps/recover',
    handle({ state, body }) {
      const fields = readFields({ body });
      const userId = fields.string('user_id');
      const given = fields.string('recovery_code');
      const durationMinutes = fields.sessionDuration();
      const carried = fields.carriedSession();
      const user = findUser({ state, userId });
      const existing = findCarriedSession({ state, kind: 'consumer', ...carried, subjectId: user.userId });
      const { totp, code } = spendRecoveryCode({ state, subjectId: user.userId, code: given });
      const base = { totp_id: totp.id, user_id: user.userId, user: presentUser({ state, user }) };
      const detail = { recovery_code_factor: { totp_recovery_code_id: code.id } };
      const factor = { type: 'recovery_codes', deliveryMethod: 'recovery_code', detail };
      return {
        ...base,
        ...startConsumerSession({ state, userId: user.userId, factor, durationMinutes, existing }),
      };
    },
  },
];
