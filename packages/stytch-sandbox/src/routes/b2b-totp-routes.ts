/**
 * B2B TOTP: `POST /v1/b2b/totp` creates a member's registration; `POST /v1/b2b/totp/authenticate`
 * checks a code and always mints a member session (60 minutes unless `session_duration_minutes`).
 */
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { presentB2bAuthentication } from '../present/present-b2b-authentication.js';
import { presentMember } from '../present/present-member.js';
import { presentOrganization } from '../present/present-organization.js';
import { renderQrCode } from '../present/render-qr-code.js';
import { createTotpRegistration, TOTP_EXPIRATION_MINUTES } from '../state/create-totp-registration.js';
import { findCarriedSession } from '../state/find-carried-session.js';
import { findMember } from '../state/find-member.js';
import { startB2bSession } from '../state/start-b2b-session.js';
import { verifyTotpCode } from '../state/verify-totp-code.js';

/** The B2B TOTP endpoints. */
export const b2bTotpRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/b2b/totp',
    async handle({ state, body }) {
      const fields = readFields({ body });
      const organizationId = fields.string('organization_id');
      const memberId = fields.string('member_id');
      const expirationMinutes = fields.optionalInteger(
        'expiration_minutes',
        TOTP_EXPIRATION_MINUTES.min,
        TOTP_EXPIRATION_MINUTES.max,
      );
      const { organization, member } = findMember({ state, organizationId, memberId });
      const totp = createTotpRegistration({
        state,
        kind: 'b2b',
        subjectId: member.memberId,
        expirationMinutes,
      });
      const qrCode = await renderQrCode({
        secret: totp.secret,
        issuer: organization.name,
        account: member.email,
      });
      return {
        member_id: member.memberId,
        totp_registration_id: totp.id,
        secret: totp.secret,
        qr_code: qrCode,
        recovery_codes: totp.recoveryCodes.map((c) => c.code),
        member: presentMember({ state, member }),
        organization: presentOrganization({ organization }),
      };
    },
  },
  {
    method: 'POST',
    path: '/v1/b2b/totp/authenticate',
    handle({ state, body }) {
      const fields = readFields({ body });
      const organizationId = fields.string('organization_id');
      const memberId = fields.string('member_id');
      const code = fields.string('code');
      const durationMinutes = fields.sessionDuration();
      const carried = fields.carriedSession();
      const setEnrollment = fields.optionalString('set_mfa_enrollment');
      if (setEnrollment !== undefined && setEnrollment !== 'enroll' && setEnrollment !== 'unenroll') {
        fail(400, 'invalid_set_mfa_enrollment', "set_mfa_enrollment must be 'enroll' or 'unenroll'.");
      }
      const { organization, member } = findMember({ state, organizationId, memberId });
      const existing = findCarriedSession({ state, kind: 'b2b', ...carried, subjectId: member.memberId });
      const totp = verifyTotpCode({ state, subjectId: member.memberId, code });
      if (setEnrollment !== undefined) member.mfaEnrolled = setEnrollment === 'enroll';
      if (member.defaultMfaMethod === '' || body.set_default_mfa === true) member.defaultMfaMethod = 'totp';
      member.updatedAt = state.clock();
      const detail = { authenticator_app_factor: { totp_id: totp.id } };
      const factor = { type: 'totp', deliveryMethod: 'authenticator_app', detail };
      const session = startB2bSession({
        state,
        member,
        organization,
        factor,
        durationMinutes,
        existing,
      });
      return presentB2bAuthentication({ state, member, organization, session });
    },
  },
];
