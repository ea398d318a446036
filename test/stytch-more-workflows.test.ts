/**
 * The published Stytch workflows (../shared/stytch/arazzo, sources the full Stytch OpenAPI files in
 * ../shared/stytch/openapi, both read in place) whose operations the sandbox serves, each run
 * unchanged end to end: fresh sandbox, real HTTP adapter, stytch-auth. Outputs are checked against
 * what the sandbox then holds. The three seed workflows have their own files; here the consumer
 * enrollment and recovery-code rotation run as published, the full OpenAPI files as their sources.
 */
import { expect, it } from 'vitest';
import {
  recorder,
  SHARED_ARAZZO as SHARED,
  stepsOf,
  usePublishedWorkflows,
} from './support/published-workflows.js';
import { createRecordingTotpProvider } from './support/recording-provider.js';
import { describeCorpus } from './support/shared-corpus.js';

const ORG_ID = 'organization-test-00000000-0000-4000-8000-000000000001';
const ENROLLED_MEMBER = 'member-test-00000000-0000-4000-8000-000000000002';
const published = usePublishedWorkflows();

describeCorpus('published Stytch workflows against the sandbox', () => {
  it('org-create-member: creates an organization and a member, and reads the member back', async () => {
    const { h, document } = await published('stytch-b2b-org-create-member-workflow.yml');
    const result = await h.run({
      document,
      inputs: { organization_name: 'Acme Widgets', email_address: 'ada@acme.example', name: 'Ada Lovelace' },
    });

    expect(result.error).toBeUndefined();
    expect(stepsOf(result)).toEqual([
      ['createOrganization', 200],
      ['createMember', 200],
      ['getMember', 200],
    ]);
    const organization = h.sandbox.state.organizations.get(String(result.outputs.organizationId));
    const member = h.sandbox.state.members.get(String(result.outputs.memberId));
    expect(organization).toMatchObject({ name: 'Acme Widgets' });
    expect(member).toMatchObject({
      organizationId: organization?.organizationId,
      email: 'ada@acme.example',
      name: 'Ada Lovelace',
    });
    expect(result.outputs).toEqual({
      organizationId: expect.stringMatching(/^organization-test-/),
      memberId: expect.stringMatching(/^member-test-/),
      memberStatus: 'active',
    });
    expect(result.steps.at(-1)?.outputs).toEqual({ memberEmail: 'ada@acme.example', memberStatus: 'active' });
  });

  it('org-create-member: runs without the optional name (sent as nothing, not as null)', async () => {
    const { h, document } = await published('stytch-b2b-org-create-member-workflow.yml');
    const seen = recorder();
    const result = await h.run({
      document,
      inputs: { organization_name: 'Nameless Co', email_address: 'x@nameless.example' },
      hooks: seen.hooks,
    });
    expect(result.error).toBeUndefined();
    expect(JSON.parse(seen.bodies.get('createMember') ?? 'null')).toEqual({
      email_address: 'x@nameless.example',
    });
    expect(h.sandbox.state.members.get(String(result.outputs.memberId))).toMatchObject({ name: '' });
  });

  it('user-create-search-delete: finds the new user by email and deletes it', async () => {
    const { h, document } = await published('stytch-user-create-search-delete-workflow.yml');
    const seen = recorder();
    const result = await h.run({ document, inputs: { email: 'grace@example.com' }, hooks: seen.hooks });

    expect(result.error).toBeUndefined();
    expect(seen.actions).toEqual(['searchUser:goto:userFound']);
    expect(JSON.parse(seen.bodies.get('searchUser') ?? 'null')).toMatchObject({
      query: { operands: [{ filter_name: 'email_address', filter_value: ['grace@example.com'] }] },
    });
    expect(stepsOf(result)).toEqual([
      ['createUser', 200],
      ['searchUser', 200],
      ['deleteUser', 200],
    ]);
    expect(result.outputs).toEqual({
      createdUserId: expect.stringMatching(/^user-test-/),
      matchedUserId: result.outputs.createdUserId,
      deleteRequestId: expect.stringMatching(/^request-id-test-/),
    });
    expect(h.sandbox.state.users.size).toBe(0);
  });

  it('user-create-search-delete: deletes the match, not another user created before it', async () => {
    const { h, document } = await published('stytch-user-create-search-delete-workflow.yml');
    const first = await h.run({ document, inputs: { email: 'first@example.com' } });
    const keep = await h.run({ document, inputs: { email: 'keep@example.com' } });
    expect([first.status, keep.status]).toEqual(['success', 'success']);
    expect(keep.outputs.matchedUserId).toBe(keep.outputs.createdUserId);
    expect(h.sandbox.state.users.size).toBe(0);
  });

  it('session-authenticate-revoke: revokes a session minted by the published TOTP enrollment', async () => {
    const { h, document } = await published('stytch-session-authenticate-revoke-workflow.yml');
    const enrollment = await h.run({
      document: await h.load(`${SHARED}/stytch-totp-enrollment-workflow.yml`),
      inputs: { email: 'linus@example.com', session_duration_minutes: 60 },
      inputProviders: {
        totp_code: createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' }),
      },
    });
    expect(enrollment.error).toBeUndefined();
    const sessionToken = String(enrollment.outputs.sessionToken);
    expect(h.sandbox.state.sessionsByToken.has(sessionToken)).toBe(true);

    const result = await h.run({
      document,
      inputs: { session_token: sessionToken, session_duration_minutes: 30 },
    });

    expect(result.error).toBeUndefined();
    expect(stepsOf(result)).toEqual([
      ['authenticateSession', 200],
      ['listSessions', 200],
      ['revokeSession', 200],
    ]);
    expect(result.outputs).toEqual({
      userId: enrollment.outputs.userId,
      revokeRequestId: expect.stringMatching(/^request-id-test-/),
    });
    const listed = result.steps[1]?.outputs.sessions as { session_id: string; user_id: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]?.user_id).toBe(enrollment.outputs.userId);
    expect(h.sandbox.state.sessions.has(listed[0]!.session_id)).toBe(false);
    expect(h.sandbox.state.sessionsByToken.has(sessionToken)).toBe(false);

    const again = await h.run({ document, inputs: { session_token: sessionToken } });
    expect(again.status).toBe('failure');
    expect(stepsOf(again)).toEqual([['authenticateSession', 404]]);
  });

  it('revoke-connected-app: lists no Connected Apps for a sandbox user and ends without revoking', async () => {
    const { h, document } = await published('stytch-revoke-connected-app-workflow.yml');
    // a user that stays (user-create-search-delete deletes its own), from the published enrollment
    const kept = await h.run({
      document: await h.load(`${SHARED}/stytch-totp-enrollment-workflow.yml`),
      inputs: { email: 'kept@example.com' },
      inputProviders: {
        totp_code: createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' }),
      },
    });
    const userId = String(kept.outputs.userId);
    expect(h.sandbox.state.users.has(userId)).toBe(true);

    const seen = recorder();
    const result = await h.run({ document, inputs: { user_id: userId }, hooks: seen.hooks });
    expect(result.error).toBeUndefined();
    expect(seen.actions).toEqual(['listConnectedApps:end:noConnectedApps']);
    expect(result.status).toBe('success');
    expect(stepsOf(result)).toEqual([['listConnectedApps', 200]]);
    expect(result.outputs.revokedConnectedAppId).toBeUndefined();
    expect(result.outputs.revokeRequestId).toBeUndefined();
  });

  it('revoke-connected-app: fails at its first step with 404 user_not_found for an unknown user', async () => {
    const { h, document } = await published('stytch-revoke-connected-app-workflow.yml');
    const result = await h.run({
      document,
      inputs: { user_id: 'user-test-00000000-0000-4000-8000-00000000dead' },
    });
    expect(result.status).toBe('failure');
    expect(stepsOf(result)).toEqual([['listConnectedApps', 404]]);
    expect(h.responses.at(-1)?.body).toMatchObject({ error_type: 'user_not_found' });
  });

  it('totp-enrollment (consumer seed, as published): enrolls and mints a session', async () => {
    const { h, document } = await published('stytch-totp-enrollment-workflow.yml');
    const result = await h.run({
      document,
      inputs: { email: 'barbara@example.com', session_duration_minutes: 60 },
      inputProviders: {
        totp_code: createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' }),
      },
    });
    expect(result.error).toBeUndefined();
    const userId = String(result.outputs.userId);
    expect(h.sandbox.state.totps.get(userId)).toMatchObject({ id: result.outputs.totpId, verified: true });
    const session = h.sandbox.state.sessions.get(
      h.sandbox.state.sessionsByToken.get(String(result.outputs.sessionToken)) ?? '',
    );
    expect(session).toMatchObject({ kind: 'consumer', subjectId: userId });
  });

  it('recovery-codes-rotate (B2B seed, as published): the rotated set is what the sandbox holds', async () => {
    const { h, document } = await published('stytch-b2b-recovery-codes-rotate-workflow.yml');
    const before = [...h.sandbox.seeds.enrolledMemberRecoveryCodes].sort();
    const result = await h.run({ document, inputs: { organization_id: ORG_ID, member_id: ENROLLED_MEMBER } });
    expect(result.error).toBeUndefined();
    const held = h.sandbox.state.totps.get(ENROLLED_MEMBER)?.recoveryCodes.map((c) => c.code);
    expect([...(result.outputs.currentRecoveryCodes as string[])].sort()).toEqual(before);
    expect(result.outputs.newRecoveryCodes).toEqual(held);
    expect(held).toHaveLength(10);
    expect(held?.some((code) => before.includes(code))).toBe(false);
  });
});
