/**
 * B2B recovery codes: get (`GET /v1/b2b/recovery_codes/{organization_id}/{member_id}`, the codes
 * not used yet), rotate (a fresh set of 10; the old set stops working) and recover (spend one
 * code, single use, for a member session).
 */
import { createId, createRecoveryCodes } from '../crypto/random-values.js';
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { formatTime } from '../present/format-time.js';
import { presentMember } from '../present/present-member.js';
import { presentOrganization } from '../present/present-organization.js';
import { presentSession } from '../present/present-session.js';
import { findActiveTotp } from '../state/find-active-totp.js';
import { findMember } from '../state/find-member.js';
import { findSession } from '../state/find-session.js';
import { issueSessionJwt } from '../state/issue-session-jwt.js';
import { mintSession } from '../state/mint-session.js';
import { spendRecoveryCode } from '../state/spend-recovery-code.js';

/** The recovery code endpoints. */
export const recoveryCodeRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/v1/b2b/recovery_codes/{organization_id}/{member_id}',
    handle({ state, params }) {
      const { organization, member } = findMember({
        state,
        organizationId: params.organization_id!,
        memberId: params.member_id!,
      });
      const totp = findActiveTotp({ state, subjectId: member.memberId });
      return {
        member_id: member.memberId,
        member: presentMember({ state, member }),
        organization: presentOrganization({ organization }),
        recovery_codes: totp.recoveryCodes.filter((c) => !c.used).map((c) => c.code),
      };
    },
  },
  {
    method: 'POST',
    path: '/v1/b2b/recovery_codes/rotate',
    handle({ state, body }) {
      const fields = readFields({ body });
      const organizationId = fields.string('organization_id');
      const memberId = fields.string('member_id');
      const { organization, member } = findMember({ state, organizationId, memberId });
      const totp = findActiveTotp({ state, subjectId: member.memberId });
      totp.recoveryCodes = createRecoveryCodes().map((code) => ({
        id: createId({ kind: 'member-totp-recovery-code', env: state.env }),
        code,
        used: false,
      }));
      return {
        member_id: member.memberId,
        member: presentMember({ state, member }),
        organization: presentOrganization({ organization }),
        recovery_codes: totp.recoveryCodes.map((c) => c.code),
      };
    },
  },
  {
    method: 'POST',
    path: '/v1/b2b/recovery_codes/recover',
    handle({ state, body }) {
      const fields = readFields({ body });
      const organizationId = fields.string('organization_id');
      const memberId = fields.string('member_id');
      const given = fields.string('recovery_code');
      const duration = fields.sessionDuration();
      const sessionToken = fields.optionalString('session_token');
      const sessionJwt = fields.optionalString('session_jwt');
      const { organization, member } = findMember({ state, organizationId, memberId });
      const existing =
        sessionToken === undefined && sessionJwt === undefined
          ? undefined
          : findSession({ state, kind: 'b2b', sessionToken, sessionJwt });
      if (existing !== undefined && existing.subjectId !== member.memberId)
        fail(400, 'session_member_mismatch', 'The session does not belong to this member.');
      const { totp, code } = spendRecoveryCode({ state, subjectId: member.memberId, code: given });
      const now = formatTime({ ms: state.clock() });
      const session = mintSession({
        state,
        kind: 'b2b',
        subjectId: member.memberId,
        organizationId: organization.organizationId,
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
        member_id: member.memberId,
        member: presentMember({ state, member }),
        organization: presentOrganization({ organization }),
        session_token: session.token,
        session_jwt: issueSessionJwt({ state, session }),
        member_session: presentSession({ state, session }),
        recovery_codes_remaining: totp.recoveryCodes.filter((c) => !c.used).length,
      };
    },
  },
];
