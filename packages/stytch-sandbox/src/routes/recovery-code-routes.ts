/**
 * B2B recovery codes: get (`GET /v1/b2b/recovery_codes/{organization_id}/{member_id}`, the codes
 * not used yet), rotate (a fresh set of 10; the old set stops working) and recover (spend one
 * code, single use, for a member session).
 */
import { createId, createRecoveryCodes } from '../crypto/random-values.js';
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { presentB2bAuthentication } from '../present/present-b2b-authentication.js';
import { presentMember } from '../present/present-member.js';
import { presentOrganization } from '../present/present-organization.js';
import { findActiveTotp } from '../state/find-active-totp.js';
import { findCarriedSession } from '../state/find-carried-session.js';
import { findMember } from '../state/find-member.js';
import { spendRecoveryCode } from '../state/spend-recovery-code.js';
import { startB2bSession } from '../state/start-b2b-session.js';

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
      const durationMinutes = fields.sessionDuration();
      const carried = fields.carriedSession();
      const { organization, member } = findMember({ state, organizationId, memberId });
      const existing = findCarriedSession({ state, kind: 'b2b', ...carried, subjectId: member.memberId });
      const { totp, code } = spendRecoveryCode({ state, subjectId: member.memberId, code: given });
      const detail = { recovery_code_factor: { totp_recovery_code_id: code.id } };
      const factor = { type: 'recovery_codes', deliveryMethod: 'recovery_code', detail };
      const session = startB2bSession({
        state,
        member,
        organization,
        factor,
        durationMinutes,
        existing,
      });
      return {
        ...presentB2bAuthentication({ state, member, organization, session }),
        recovery_codes_remaining: totp.recoveryCodes.filter((c) => !c.used).length,
      };
    },
  },
];
