/**
 * Consumer TOTP: `POST /v1/totps` creates a registration; `POST /v1/totps/authenticate` checks a
 * code and, only when `session_duration_minutes` (or an existing session) is given, returns a
 * session; otherwise `session_token` and `session_jwt` are empty strings, as Stytch answers.
 */
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { presentUser } from '../present/present-user.js';
import { renderQrCode } from '../present/render-qr-code.js';
import { createTotpRegistration, TOTP_EXPIRATION_MINUTES } from '../state/create-totp-registration.js';
import { findCarriedSession } from '../state/find-carried-session.js';
import { findUser } from '../state/find-user.js';
import { startConsumerSession } from '../state/start-consumer-session.js';
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
      const durationMinutes = fields.sessionDuration();
      const carried = fields.carriedSession();
      const user = findUser({ state, userId });
      const existing = findCarriedSession({ state, kind: 'consumer', ...carried, subjectId: user.userId });
      const totp = verifyTotpCode({ state, subjectId: user.userId, code });
      const base = { user_id: user.userId, totp_id: totp.id, user: presentUser({ state, user }) };
      const detail = { authenticator_app_factor: { totp_id: totp.id } };
      const factor = { type: 'totp', deliveryMethod: 'authenticator_app', detail };
      return {
        ...base,
        ...startConsumerSession({ state, userId: user.userId, factor, durationMinutes, existing }),
      };
    },
  },
];
