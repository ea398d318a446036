/**
 * The body of a B2B authenticate call that started (or extended) a member session, as Stytch
 * answers it (B2B TOTP authenticate, recovery codes recover).
 */
import { issueSessionJwt } from '../state/issue-session-jwt.js';
import type { MemberRecord, OrganizationRecord, SandboxState, SessionRecord } from '../state/records.js';
import { presentMember } from './present-member.js';
import { presentOrganization } from './present-organization.js';
import { presentSession } from './present-session.js';

/** Renders member, organization, a fresh session JWT and the member session, in Stytch's key order. */
export function presentB2bAuthentication(options: {
  state: SandboxState;
  member: MemberRecord;
  organization: OrganizationRecord;
  session: SessionRecord;
}): Record<string, unknown> {
  const { state, member, organization, session } = options;
  return {
    member_id: member.memberId,
    member: presentMember({ state, member }),
    organization: presentOrganization({ organization }),
    session_token: session.token,
    session_jwt: issueSessionJwt({ state, session }),
    member_session: presentSession({ state, session }),
  };
}
