import { generateTotpCode, type Sandbox, SEED_IDS, startSandbox } from '@telaio/stytch-sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientFor } from './client.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';
const ENROLLED = 'member-test-00000000-0000-4000-8000-000000000002';
let sandbox: Sandbox;
let api: ReturnType<typeof clientFor>;

beforeEach(async () => {
  sandbox = await startSandbox();
  api = clientFor(sandbox);
});
afterEach(() => sandbox.close());

describe('seeds', () => {
  it('holds exactly the records of CONTRACT.md', async () => {
    expect(SEED_IDS).toEqual({ organizationId: ORG, memberId: MEMBER, enrolledMemberId: ENROLLED });
    expect(sandbox.seeds).toMatchObject({
      organizationId: ORG,
      memberId: MEMBER,
      enrolledMemberId: ENROLLED,
    });
    expect((await api.get(`/v1/b2b/organizations/${ORG}`)).body.organization.organization_id).toBe(ORG);
    const plain = await api.get(`/v1/b2b/organizations/${ORG}/member?member_id=${MEMBER}`);
    expect(plain.body.member).toMatchObject({
      member_id: MEMBER,
      mfa_enrolled: false,
      totp_registration_id: '',
    });
    const enrolled = await api.get(`/v1/b2b/recovery_codes/${ORG}/${ENROLLED}`);
    expect(enrolled.body.recovery_codes).toEqual(sandbox.seeds.enrolledMemberRecoveryCodes);
    expect(enrolled.body.recovery_codes).toHaveLength(10);
    expect(enrolled.body.member).toMatchObject({ mfa_enrolled: true, default_mfa_method: 'totp' });
    expect(sandbox.seeds.enrolledMemberTotpSecret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('lets the enrolled member authenticate with its seeded secret', async () => {
    const code = generateTotpCode({ secret: sandbox.seeds.enrolledMemberTotpSecret });
    const auth = await api.post('/v1/b2b/totp/authenticate', {
      organization_id: ORG,
      member_id: ENROLLED,
      code,
    });
    expect(auth.status).toBe(200);
  });
});

describe('organizations and members', () => {
  it('creates and gets an organization and a member', async () => {
    const org = await api.post('/v1/b2b/organizations', {
      organization_name: 'Acme Corp',
      organization_slug: 'acme',
    });
    expect(org.status).toBe(200);
    expect(org.body.organization).toMatchObject({
      organization_name: 'Acme Corp',
      organization_slug: 'acme',
      mfa_policy: 'OPTIONAL',
    });
    const id = org.body.organization.organization_id;
    expect(id).toMatch(new RegExp(`^organization-test-${UUID}$`));
    expect((await api.get(`/v1/b2b/organizations/${id}`)).body.organization.organization_name).toBe(
      'Acme Corp',
    );

    const member = await api.post(`/v1/b2b/organizations/${id}/members`, {
      email_address: 'bo@acme.test',
      name: 'Bo',
    });
    expect(member.status).toBe(200);
    expect(member.body.member_id).toMatch(new RegExp(`^member-test-${UUID}$`));
    expect(member.body).toMatchObject({
      member: { email_address: 'bo@acme.test', name: 'Bo', organization_id: id },
      organization: { organization_id: id },
    });
    const byEmail = await api.get(`/v1/b2b/organizations/acme/member?email_address=bo@acme.test`);
    expect(byEmail.body.member_id).toBe(member.body.member_id);
  });
});

describe('B2B TOTP and sessions', () => {
  it('enrolls a member and mints a 60-minute member session by default', async () => {
    const created = await api.post('/v1/b2b/totp', { organization_id: ORG, member_id: MEMBER });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      member_id: MEMBER,
      member: { member_id: MEMBER },
      organization: { organization_id: ORG },
    });
    expect(created.body.totp_registration_id).toMatch(new RegExp(`^member-totp-test-${UUID}$`));
    expect(created.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(created.body.qr_code).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(created.body.recovery_codes).toHaveLength(10);

    const auth = await api.post('/v1/b2b/totp/authenticate', {
      organization_id: ORG,
      member_id: MEMBER,
      code: generateTotpCode({ secret: created.body.secret }),
    });
    expect(auth.status).toBe(200);
    expect(auth.body.session_token).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(auth.body.member.totp_registration_id).toBe(created.body.totp_registration_id);
    const session = auth.body.member_session;
    expect(session).toMatchObject({
      member_id: MEMBER,
      organization_id: ORG,
      organization_slug: 'sandbox-organization',
      roles: ['stytch_member'],
    });
    expect(Date.parse(session.expires_at) - Date.parse(session.started_at)).toBe(60 * 60_000);

    const checked = await api.post('/v1/b2b/sessions/authenticate', {
      session_token: auth.body.session_token,
    });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      member_session: { member_session_id: session.member_session_id },
      member: { member_id: MEMBER },
      organization: { organization_id: ORG },
    });
    expect(
      (await api.post('/v1/b2b/sessions/authenticate', { session_jwt: auth.body.session_jwt })).status,
    ).toBe(200);
  });

  it('honours session_duration_minutes', async () => {
    const code = generateTotpCode({ secret: sandbox.seeds.enrolledMemberTotpSecret });
    const auth = await api.post('/v1/b2b/totp/authenticate', {
      organization_id: ORG,
      member_id: ENROLLED,
      code,
      session_duration_minutes: 5,
    });
    const s = auth.body.member_session;
    expect(Date.parse(s.expires_at) - Date.parse(s.started_at)).toBe(5 * 60_000);
  });
});

describe('recovery codes', () => {
  it('rotates to a fresh set and recovers with a code once', async () => {
    const before = sandbox.seeds.enrolledMemberRecoveryCodes;
    const rotated = await api.post('/v1/b2b/recovery_codes/rotate', {
      organization_id: ORG,
      member_id: ENROLLED,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({
      member_id: ENROLLED,
      member: { member_id: ENROLLED },
      organization: { organization_id: ORG },
    });
    expect(rotated.body.recovery_codes).toHaveLength(10);
    expect(rotated.body.recovery_codes.some((c: string) => before.includes(c))).toBe(false);
    expect((await api.get(`/v1/b2b/recovery_codes/${ORG}/${ENROLLED}`)).body.recovery_codes).toEqual(
      rotated.body.recovery_codes,
    );

    const recovered = await api.post('/v1/b2b/recovery_codes/recover', {
      organization_id: ORG,
      member_id: ENROLLED,
      recovery_code: rotated.body.recovery_codes[0],
    });
    expect(recovered.status).toBe(200);
    expect(recovered.body).toMatchObject({
      member_id: ENROLLED,
      recovery_codes_remaining: 9,
      member_session: {
        authentication_factors: [{ type: 'recovery_codes', delivery_method: 'recovery_code' }],
      },
    });
    expect(recovered.body.session_token).toHaveLength(44);
    expect(
      (await api.post('/v1/b2b/sessions/authenticate', { session_token: recovered.body.session_token }))
        .status,
    ).toBe(200);
  });
});
