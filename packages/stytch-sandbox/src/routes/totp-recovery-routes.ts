/**
 * Consumer TOTP recovery codes: `POST /v1/totps/recovery_codes` lists a user's registration with its
 * unused codes; `POST /v1/totps/recover` spends one (single use). Like consumer TOTP authenticate,
 * recover returns a session only when `session_duration_minutes` or an existing session is given.
 */
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { formatTime } from '../present/format-time.js';
import { presentSession } from '../present/present-session.js';
import { presentUser } from '../present/present-user.js';
import { findSession } from '../state/find-session.js';
import { findUser } from '../state/find-user.js';
import { issueSessionJwt } from '../state/issue-session-jwt.js';
import { mintSession } from '../state/mint-session.js';
import { spendRecoveryCode } from '../state/spend-recovery-code.js';

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
      const duration = fields.sessionDuration();
      const sessionToken = fields.optionalString('session_token');
      const sessionJwt = fields.optionalString('session_jwt');
      const user = findUser({ state, userId });
      const existing =
        sessionToken === undefined && sessionJwt === undefined
          ? undefined
          : findSession({ state, kind: 'consumer', sessionToken, sessionJwt });
      if (existing !== undefined && existing.subjectId !== user.userId) {
        fail(400, 'session_user_mismatch', 'The session does not belong to this user.');
      }
      const { totp, code } = spendRecoveryCode({ state, subjectId: user.userId, code: given });
      const base = { totp_id: totp.id, user_id: user.userId, user: presentUser({ state, user }) };
      if (duration === undefined && existing === undefined)
        return { ...base, session_token: '', session_jwt: '' };
      const now = formatTime({ ms: state.clock() });
      const session = mintSession({
        state,
        kind: 'consumer',
        subjectId: user.userId,
        factor: {
          type: 'recovery_codes',
          delivery_method: 'recovery_code',
          last_authenticated_at: now,
          created_at: now,
          updated_at: now,
          recovery_code_factor: { totp_recovery_code_id: code.id },
        },
        durationMinutes: duration,
        ...(existing === undefined ? {} : { existing }),
      });
      return {
        ...base,
        session_token: session.token,
        session_jwt: issueSessionJwt({ state, session }),
        session: presentSession({ state, session }),
      };
    },
  },
];
