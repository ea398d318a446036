/**
 * specs/arazzo/stytch-totp-enrollment-workflow.yml end to end: create a user, create its TOTP,
 * authenticate the first code from the totp: provider; then the session is checked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingTotpProvider, createWrongTotpProvider } from './support/recording-provider.js';
import { lastResponseOf, type StytchHarness, startStytchHarness } from './support/stytch-harness.js';

const WORKFLOW = 'specs/arazzo/stytch-totp-enrollment-workflow.yml';
const CHECKS = 'test/fixtures/stytch-consumer-checks.arazzo.yml';
const totpCode = () => createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' });

let harness: StytchHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('consumer TOTP enrollment against the sandbox', () => {
  it('enrolls a new user and mints a session that sessions/authenticate accepts', async () => {
    harness = await startStytchHarness();
    const document = await harness.load(WORKFLOW);
    const result = await harness.run({
      document,
      inputs: { email: 'ada@example.com', session_duration_minutes: 60 },
      inputProviders: { totp_code: totpCode() },
    });

    expect(result.error).toBeUndefined();
    expect(result.steps.map((s) => [s.stepId, s.statusCode])).toEqual([
      ['createUser', 200],
      ['createTotp', 200],
      ['authenticateTotp', 200],
    ]);
    expect(result.outputs.userId).toMatch(/^user-test-/);
    expect(result.outputs.totpId).toMatch(/^totp-test-/);
    expect(result.outputs.sessionToken).toEqual(expect.stringMatching(/.{20,}/));

    const session = await harness.run({
      document: await harness.load(CHECKS),
      workflowId: 'authenticate-session',
      inputs: { session_token: result.outputs.sessionToken },
    });
    expect(session.error).toBeUndefined();
    expect(session.outputs).toEqual({ userId: result.outputs.userId, totpVerified: true });
  });

  it('authenticates without minting a session when no session_duration_minutes is given', async () => {
    harness = await startStytchHarness();
    const result = await harness.run({
      document: await harness.load(WORKFLOW),
      inputs: { email: 'grace@example.com' },
      inputProviders: { totp_code: totpCode() },
    });
    expect(result.status).toBe('success');
    expect(result.outputs.sessionToken).toBe('');
  });

  it('fails at authenticateTotp with otp_code_not_found for a wrong code', async () => {
    harness = await startStytchHarness();
    const result = await harness.run({
      document: await harness.load(WORKFLOW),
      inputs: { email: 'wrong@example.com', session_duration_minutes: 60 },
      inputProviders: { totp_code: createWrongTotpProvider({ stepId: 'createTotp' }) },
    });
    expect(result.status).toBe('failure');
    expect(result.error?.stepId).toBe('authenticateTotp');
    expect(lastResponseOf(harness, 'authenticateTotp')).toMatchObject({
      statusCode: 404,
      body: { error_type: 'otp_code_not_found', status_code: 404 },
    });
  });

  it('fails with 401 at createUser when the secret is wrong', async () => {
    harness = await startStytchHarness({ secret: 'secret-test-not-the-right-one=' });
    const result = await harness.run({
      document: await harness.load(WORKFLOW),
      inputs: { email: 'eve@example.com' },
      inputProviders: { totp_code: totpCode() },
    });
    expect(result.status).toBe('failure');
    expect(result.steps.filter((s) => s.status !== 'skipped').map((s) => [s.stepId, s.statusCode])).toEqual([
      ['createUser', 401],
    ]);
    expect(lastResponseOf(harness, 'createUser')?.body).toMatchObject({
      error_type: 'unauthorized_credentials',
    });
    expect(harness.sandbox.state.users.size).toBe(0);
  });
});
