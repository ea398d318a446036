/**
 * Consumer TOTP: `POST /v1/totps` creates a registration; `POST /v1/totps/authenticate` checks a
 * code and, only when `session_duration_minutes` (or an existing session) is given, returns a
 * session; otherwise `session_token` and `session_jwt` are empty strings, as Stytch answers.
 */
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { formatTime } from '../present/format-time.js';
import { presentSession } from '../present/present-session.js';
import { presentUser } from '../present/present-user.js';
import { renderQrCode } from '../present/render-qr-code.js';
import { createTotpRegistration, TOTP_EXPIRATION_MINUTES } from '../state/create-totp-registration.js';
import { findSession } from '../state/find-session.js';
import { findUser } from '../state/find-user.js';
import { issueSessionJwt } from '../state/issue-session-jwt.js';
import { mintSession } from '../state/mint-session.js';
import { verifyTotpCode } from '../state/verify-totp-code.js';

/** The consumer TOTP endpoints. */
export const totpRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/totps',
    async handle({ state, body }) {
      const fields = readFields({ body });
      const userId = fields.string('user_id');
      const expirationMinutes = fields.optionalInteger(
        'expiration_minutes',
        TOTP_EXPIRATION_MINUTES.min,
        TOTP_EXPIRATION_MINUTES.max,
      );
      const user = findUser({ state, userId });
      const totp = createTotpRegistration({
        state,
        kind: 'consumer',
        subjectId: user.userId,
        expirationMinutes,
      });
      const qrCode = await renderQrCode({
        secret: totp.secret,
        issuer: 'Stytch Sandbox',
        account: user.email || user.userId,
      });
      return {
        totp_id: totp.id,
        secret: totp.secret,
        qr_code: qrCode,
        recovery_codes: totp.recoveryCodes.map((c) => c.code),
        user: presentUser({ state, user }),
        user_id: user.userId,
      };
    },
  },
  {
    method: 'POST',
    path: '/v1/totps/authenticate',
    handle({ state, body }) {
      const fields = readFields({ body });
      const userId = fields.string('user_id');
      const code = fields.string('totp_code');
      const duration = fields.sessionDuration();
      const sessionToken = fields.optionalString('session_token');
      const sessionJwt = fields.optionalString('session_jwt');
      const user = findUser({ state, userId });
      const existing =
        sessionToken === undefined && sessionJwt === undefined
          ? undefined
          : findSession({ state, kind: 'consumer', sessionToken, sessionJwt });
      if (existing !== undefined && existing.subjectId !== user.userId)
        fail(400, 'session_user_mismatch', 'The session does not belong to this user.');
      const totp = verifyTotpCode({ state, subjectId: user.userId, code });
      const base = { user_id: user.userId, totp_id: totp.id, user: presentUser({ state, user }) };
      if (duration === undefined && existing === undefined)
        return { ...base, session_token: '', session_jwt: '' };
      const now = formatTime({ ms: state.clock() });
      const session = mintSession({
        state,
        kind: 'consumer',
        subjectId: user.userId,
        factor: {
          type: 'totp',
          delivery_method: 'authenticator_app',
          last_authenticated_at: now,
          created_at: now,
          updated_at: now,
          authenticator_app_factor: { totp_id: totp.id },
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
