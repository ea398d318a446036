/** The B2B Organization object, as Stytch returns it (api_organization_v1_Organization). */
import type { OrganizationRecord } from '../state/records.js';
import { formatTime } from './format-time.js';

/** Renders `organization` with Stytch's defaults for every setting the sandbox does not model. */
export function presentOrganization(options: { organization: OrganizationRecord }): Record<string, unknown> {
  const org = options.organization;
  return {
    organization_id: org.organizationId,
    organization_name: org.name,
    organization_logo_url: org.logoUrl,
    organization_slug: org.slug,
    sso_jit_provisioning: 'ALL_ALLOWED',
    sso_jit_provisioning_allowed_connections: [],
    sso_active_connections: [],
    email_allowed_domains: [],
    email_jit_provisioning: 'NOT_ALLOWED',
    email_invites: 'ALL_ALLOWED',
    auth_methods: 'ALL_ALLOWED',
    allowed_auth_methods: [],
    mfa_policy: 'OPTIONAL',
    rbac_email_implicit_role_assignments: [],
    mfa_methods: 'ALL_ALLOWED',
    allowed_mfa_methods: [],
    oauth_tenant_jit_provisioning: 'NOT_ALLOWED',
    claimed_email_domains: [],
    first_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_first_party_connected_apps: [],
    third_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_third_party_connected_apps: [],
    custom_roles: [],
    trusted_metadata: org.trustedMetadata,
    created_at: formatTime({ ms: org.createdAt }),
    updated_at: formatTime({ ms: org.updatedAt }),
  };
}
