/**
 * B2B organizations and members: `POST /v1/b2b/organizations`, `GET .../{organization_id}`,
 * `POST .../{organization_id}/members`, `GET .../{organization_id}/member?member_id=|email_address=`.
 */
import { createId } from '../crypto/random-values.js';
import { readFields } from '../http/read-fields.js';
import type { Route } from '../http/route.js';
import { fail } from '../http/stytch-error.js';
import { presentMember } from '../present/present-member.js';
import { presentOrganization } from '../present/present-organization.js';
import { findMember } from '../state/find-member.js';
import { findOrganization } from '../state/find-organization.js';
import type { MemberRecord } from '../state/records.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SLUG = /^[A-Za-z0-9._~-]{2,128}$/;

/** The organization and member endpoints. */
export const organizationRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/v1/b2b/organizations',
    handle({ state, body }) {
      const fields = readFields({ body });
      const name = fields.string('organization_name');
      const slug =
        fields.optionalString('organization_slug') ??
        name
          .toLowerCase()
          .replace(/[^a-z0-9._~-]+/g, '-')
          .replace(/^-+|-+$/g, '');
      if (!SLUG.test(slug))
        fail(
          400,
          'invalid_organization_slug',
          'organization_slug must be 2 to 128 characters of letters, digits, -, ., _ or ~.',
        );
      const logoUrl = fields.optionalString('organization_logo_url') ?? '';
      const trustedMetadata = fields.object('trusted_metadata');
      if ([...state.organizations.values()].some((o) => o.slug === slug)) {
        fail(
          400,
          'organization_slug_already_used',
          'An organization with this organization_slug already exists in this project.',
        );
      }
      const now = state.clock();
      const organization = {
        organizationId: createId({ kind: 'organization', env: state.env }),
        name,
        slug,
        logoUrl,
        createdAt: now,
        updatedAt: now,
        trustedMetadata,
      };
      state.organizations.set(organization.organizationId, organization);
      return { organization: presentOrganization({ organization }) };
    },
  },
  {
    method: 'GET',
    path: '/v1/b2b/organizations/{organization_id}',
    handle({ state, params }) {
      return {
        organization: presentOrganization({
          organization: findOrganization({ state, organizationId: params.organization_id! }),
        }),
      };
    },
  },
  {
    method: 'POST',
    path: '/v1/b2b/organizations/{organization_id}/members',
    handle({ state, params, body }) {
      const fields = readFields({ body });
      const email = fields.string('email_address').toLowerCase();
      if (!EMAIL.test(email)) fail(400, 'invalid_email', 'Email format is invalid.');
      const name = fields.optionalString('name') ?? '';
      const trustedMetadata = fields.object('trusted_metadata');
      const untrustedMetadata = fields.object('untrusted_metadata');
      const mfaEnrolled = body.mfa_enrolled === true;
      const organization = findOrganization({ state, organizationId: params.organization_id! });
      const taken = [...state.members.values()].some(
        (m) => m.organizationId === organization.organizationId && m.email === email,
      );
      if (taken)
        fail(
          400,
          'duplicate_member_email',
          'A member with this email address already exists in this organization.',
        );
      const now = state.clock();
      const member: MemberRecord = {
        memberId: createId({ kind: 'member', env: state.env }),
        organizationId: organization.organizationId,
        email,
        name,
        createdAt: now,
        updatedAt: now,
        mfaEnrolled,
        defaultMfaMethod: '',
        trustedMetadata,
        untrustedMetadata,
      };
      state.members.set(member.memberId, member);
      return {
        member_id: member.memberId,
        member: presentMember({ state, member }),
        organization: presentOrganization({ organization }),
      };
    },
  },
  {
    method: 'GET',
    path: '/v1/b2b/organizations/{organization_id}/member',
    handle({ state, params, query }) {
      const organizationId = params.organization_id!;
      const memberId = query.get('member_id') ?? '';
      const email = (query.get('email_address') ?? '').toLowerCase();
      if (memberId === '' && email === '')
        fail(
          400,
          'missing_required_field',
          'member_id or email_address is required, but neither was provided.',
        );
      const org = findOrganization({ state, organizationId });
      const byEmail =
        memberId === ''
          ? [...state.members.values()].find(
              (m) => m.organizationId === org.organizationId && m.email === email,
            )
          : undefined;
      const { organization, member } = findMember({
        state,
        organizationId,
        memberId: memberId || byEmail?.memberId || email,
      });
      return {
        member_id: member.memberId,
        member: presentMember({ state, member }),
        organization: presentOrganization({ organization }),
      };
    },
  },
];
