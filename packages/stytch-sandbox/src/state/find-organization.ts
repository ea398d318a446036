/** Looks up an organization by id or slug (Stytch accepts either), or answers 404 `organization_not_found`. */
import { fail } from '../http/stytch-error.js';
import type { OrganizationRecord, SandboxState } from './records.js';

/** Returns the organization, or throws `organization_not_found`. */
export function findOrganization(options: {
  state: SandboxState;
  organizationId: string;
}): OrganizationRecord {
  const { state, organizationId } = options;
  const org =
    state.organizations.get(organizationId) ??
    [...state.organizations.values()].find((o) => o.slug === organizationId);
  if (org === undefined) fail(404, 'organization_not_found', 'Organization could not be found.');
  return org;
}
