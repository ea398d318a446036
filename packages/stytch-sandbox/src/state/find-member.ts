/**
 * Looks up an organization (by id or slug) and one of its members, with Stytch's 404s
 * `organization_not_found` and `member_not_found`.
 */
import { fail } from '../http/stytch-error.js';
import { findOrganization } from './find-organization.js';
import type { MemberRecord, OrganizationRecord, SandboxState } from './records.js';

/** Returns the organization and its member, or throws the 404 of whichever is missing. */
export function findMember(options: { state: SandboxState; organizationId: string; memberId: string }): {
  organization: OrganizationRecord;
  member: MemberRecord;
} {
  const organization = findOrganization(options);
  const member = options.state.members.get(options.memberId);
  if (member === undefined || member.organizationId !== organization.organizationId) {
    fail(404, 'member_not_found', 'Member could not be found.');
  }
  return { organization, member };
}
