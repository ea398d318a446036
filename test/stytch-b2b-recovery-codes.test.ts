/**
 * specs/arazzo/stytch-b2b-recovery-codes-rotate-workflow.yml end to end, for the seeded member
 * already enrolled in TOTP: rotation returns a new set and retires the old one; new codes are
 * single-use.
 */
import { SEED_IDS } from '@telaio/stytch-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { lastResponseOf, type StytchHarness, startStytchHarness } from './support/stytch-harness.js';

const WORKFLOW = 'specs/arazzo/stytch-b2b-recovery-codes-rotate-workflow.yml';
const CHECKS = 'test/fixtures/stytch-b2b-checks.arazzo.yml';
const enrolled = { organization_id: SEED_IDS.organizationId, member_id: SEED_IDS.enrolledMemberId };
const CODE_SHAPE = /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/;

let harness: StytchHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('B2B recovery codes get and rotate against the sandbox', () => {
  it('reads the current codes, rotates them, and only the new ones recover (once each)', async () => {
    harness = await startStytchHarness();
    const rotated = await harness.run({ document: await harness.load(WORKFLOW), inputs: enrolled });

    expect(rotated.error).toBeUndefined();
    expect(rotated.steps.map((s) => [s.stepId, s.statusCode])).toEqual([
      ['getRecoveryCodes', 200],
      ['rotateRecoveryCodes', 200],
    ]);
    const current = rotated.outputs.currentRecoveryCodes as string[];
    const fresh = rotated.outputs.newRecoveryCodes as string[];
    expect(current).toEqual(harness.sandbox.seeds.enrolledMemberRecoveryCodes);
    expect(fresh).toHaveLength(10);
    for (const code of fresh) expect(code).toMatch(CODE_SHAPE);
    expect(fresh.filter((code) => current.includes(code))).toEqual([]);

    const checks = await harness.load(CHECKS);
    const recover = (recovery_code: string) =>
      harness!.run({ document: checks, workflowId: 'recover', inputs: { ...enrolled, recovery_code } });

    const old = await recover(current[0]!);
    expect(old.status).toBe('failure');
    expect(lastResponseOf(harness, 'recover')).toMatchObject({
      statusCode: 404,
      body: { error_type: 'recovery_code_not_found' },
    });

    const ok = await recover(fresh[0]!);
    expect(ok.error).toBeUndefined();
    expect(ok.outputs.remaining).toBe(9);
    const session = await harness.run({
      document: checks,
      workflowId: 'authenticate-session',
      inputs: { session_token: ok.outputs.sessionToken },
    });
    expect(session.outputs).toMatchObject({
      memberId: SEED_IDS.enrolledMemberId,
      factorType: 'recovery_codes',
    });

    const again = await recover(fresh[0]!);
    expect(again.status).toBe('failure');
    expect(lastResponseOf(harness, 'recover')?.body).toMatchObject({ error_type: 'recovery_code_not_found' });
  });

  it('fails with 401 at getRecoveryCodes when the secret is wrong, leaving the codes alone', async () => {
    harness = await startStytchHarness({ secret: 'secret-test-nope=' });
    const result = await harness.run({ document: await harness.load(WORKFLOW), inputs: enrolled });
    expect(result.status).toBe('failure');
    expect(result.steps.filter((s) => s.status !== 'skipped').map((s) => [s.stepId, s.statusCode])).toEqual([
      ['getRecoveryCodes', 401],
    ]);
    expect(lastResponseOf(harness, 'getRecoveryCodes')?.body).toMatchObject({
      error_type: 'unauthorized_credentials',
    });
    const codes = harness.sandbox.state.totps
      .get(SEED_IDS.enrolledMemberId)
      ?.recoveryCodes.map((c) => c.code);
    expect(codes).toEqual(harness.sandbox.seeds.enrolledMemberRecoveryCodes);
  });
});
