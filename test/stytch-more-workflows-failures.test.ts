/**
 * Failure paths of the published Stytch workflows the sandbox serves: each fails at the step whose
 * request Stytch refuses, with Stytch's error envelope, and leaves nothing half-made behind.
 */
import { expect, it } from 'vitest';
import { stepsOf, usePublishedWorkflows } from './support/published-workflows.js';
import { describeCorpus } from './support/shared-corpus.js';

const published = usePublishedWorkflows();

describeCorpus("failure paths surface Stytch's errors at the failing step", () => {
  it('org-create-member: a malformed member email stops at createMember, after the organization', async () => {
    const { h, document } = await published('stytch-b2b-org-create-member-workflow.yml');
    const result = await h.run({
      document,
      inputs: { organization_name: 'Half Made Co', email_address: 'not-an-email' },
    });
    expect(result.status).toBe('failure');
    expect(result.error?.stepId).toBe('createMember');
    expect(stepsOf(result)).toEqual([
      ['createOrganization', 200],
      ['createMember', 400],
    ]);
    expect(h.responses.at(-1)?.body).toMatchObject({ status_code: 400, error_type: 'invalid_email' });
    const made = [...h.sandbox.state.organizations.values()].find((o) => o.name === 'Half Made Co');
    expect(made).toBeDefined();
    expect([...h.sandbox.state.members.values()].some((m) => m.organizationId === made?.organizationId)).toBe(
      false,
    );
  });

  it('user-create-search-delete: a malformed email stops at createUser with invalid_email', async () => {
    const { h, document } = await published('stytch-user-create-search-delete-workflow.yml');
    const result = await h.run({ document, inputs: { email: 'not-an-email' } });
    expect(result.status).toBe('failure');
    expect(stepsOf(result)).toEqual([['createUser', 400]]);
    expect(h.responses.at(-1)?.body).toMatchObject({ status_code: 400, error_type: 'invalid_email' });
  });

  it('session-authenticate-revoke: a wrong secret is 401 at authenticateSession, nothing revoked', async () => {
    const { h, document } = await published('stytch-session-authenticate-revoke-workflow.yml', {
      secret: 'secret-test-not-the-right-one=',
    });
    const result = await h.run({ document, inputs: { session_token: 'a'.repeat(44) } });
    expect(result.status).toBe('failure');
    expect(stepsOf(result)).toEqual([['authenticateSession', 401]]);
    expect(h.responses.at(-1)?.body).toMatchObject({ error_type: 'unauthorized_credentials' });
  });
});
