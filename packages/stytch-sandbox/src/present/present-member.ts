/** The B2B Member object, as Stytch returns it (api_organization_v1_Member). */
import type { MemberRecord, SandboxState } from '../state/records.js';
import { formatTime } from './format-time.js';

/** Renders `member`; `totp_registration_id` names its TOTP registration once that is verified. */
export function presentMember(options: {
  state: SandboxState;
  member: MemberRecord;
}): Record<string, unknown> {
  const { member, state } = options;
  const totp = state.totps.get(member.memberId);
  return {
    organization_id: member.organizationId,
    member_id: member.memberId,
    email_address: member.email,
    status: 'active',
    name: member.name,
    sso_registrations: [],
    is_breakglass: false,
    member_password_id: '',
    oauth_registrations: [],
    email_address_verified: false,
    mfa_phone_number_verified: false,
    is_admin: false,
    totp_registration_id: totp?.verified === true ? totp.id : '',
    retired_email_addresses: [],
    is_locked: false,
    mfa_enrolled: member.mfaEnrolled,
    mfa_phone_number: '',
    default_mfa_method: member.defaultMfaMethod,
    roles: [{ role_id: 'stytch_member', sources: [{ type: 'direct_assignment', details: {} }] }],
    trusted_metadata: member.trustedMetadata,
    untrusted_metadata: member.untrustedMetadata,
    created_at: formatTime({ ms: member.createdAt }),
    updated_at: formatTime({ ms: member.updatedAt }),
  };
}
