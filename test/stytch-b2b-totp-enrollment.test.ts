/**
 * specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml end to end: sandbox, real HTTP adapter,
 * stytch-auth credentials, codes from the totp: provider.
 */
import path from 'node:path';
import { createEngine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { createQrHook, createStytchCredentials } from '@telaio/stytch-auth';
import { SEED_IDS } from '@telaio/stytch-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { createRecordingTotpProvider, createWrongTotpProvider } from './support/recording-provider.js';
import { corpusPath, describeCorpus } from './support/shared-corpus.js';
import {
  lastResponseOf,
  repoRoot,
  type StytchHarness,
  startStytchHarness,
} from './support/stytch-harness.js';

const WORKFLOW = 'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml';
const CHECKS = 'test/fixtures/stytch-b2b-checks.arazzo.yml';
const member = { organization_id: SEED_IDS.organizationId, member_id: SEED_IDS.memberId };

let harness: StytchHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('B2B TOTP enrollment against the sandbox', () => {
  it('enrolls the seeded member and mints a session that sessions/authenticate accepts', async () => {
    harness = await startStytchHarness();
    const document = await harness.load(WORKFLOW);
    const code = createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' });
    const result = await harness.run({ document, inputs: member, inputProviders: { code } });

    expect(result.error).toBeUndefined();
    expect(result.status).toBe('success');
    expect(result.steps.map((s) => [s.stepId, s.status, s.statusCode])).toEqual([
      ['createTotp', 'success', 200],
      ['authenticateTotp', 'success', 200],
    ]);
    expect(code.codes).toHaveLength(1);
    expect(result.outputs.memberId).toBe(SEED_IDS.memberId);
    expect(result.outputs.totpRegistrationId).toMatch(/^member-totp-test-/);
    expect(result.outputs.sessionToken).toEqual(expect.stringMatching(/.{20,}/));

    const checks = await harness.load(CHECKS);
    const session = await harness.run({
      document: checks,
      workflowId: 'authenticate-session',
      inputs: { session_token: result.outputs.sessionToken },
    });
    expect(session.status).toBe('success');
    expect(session.outputs).toMatchObject({
      memberId: SEED_IDS.memberId,
      organizationId: SEED_IDS.organizationId,
      factorType: 'totp',
    });
  });

  it('fails at authenticateTotp with Stytch otp_code_not_found for a wrong code', async () => {
    harness = await startStytchHarness();
    const document = await harness.load(WORKFLOW);
    const result = await harness.run({
      document,
      inputs: member,
      inputProviders: { code: createWrongTotpProvider({ stepId: 'createTotp' }) },
    });

    expect(result.status).toBe('failure');
    expect(result.error?.stepId).toBe('authenticateTotp');
    expect(result.steps.map((s) => [s.stepId, s.status, s.statusCode])).toEqual([
      ['createTotp', 'success', 200],
      ['authenticateTotp', 'failure', 404],
    ]);
    expect(lastResponseOf(harness, 'authenticateTotp')?.body).toMatchObject({
      status_code: 404,
      error_type: 'otp_code_not_found',
      request_id: expect.stringMatching(/^request-id-test-/),
      error_url: expect.stringContaining('https://stytch.com/docs/api/errors/404'),
    });
    // The failure says why Stytch refused, not only the status.
    expect(result.error?.message).toContain('otp_code_not_found');
    expect(result.error?.message).toContain('The passcode was incorrect');
    expect(result.error?.message).toMatch(
      /not met: '\$statusCode == 200' is false \(status 404: otp_code_not_found: /,
    );
    expect(result.error?.response).toMatchObject({
      statusCode: 404,
      excerpt: expect.stringMatching(/^otp_code_not_found: /),
    });
    expect(result.steps[1]?.reason).toBe(result.error?.message);
  });

  it('fails with 401 unauthorized_credentials at the first step when the secret is wrong', async () => {
    harness = await startStytchHarness({ secret: 'secret-test-wrong-wrong-wrong-wrong=' });
    const document = await harness.load(WORKFLOW);
    const code = createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' });
    const result = await harness.run({ document, inputs: member, inputProviders: { code } });

    expect(result.status).toBe('failure');
    expect(result.error?.stepId).toBe('createTotp');
    expect(result.steps.filter((s) => s.status !== 'skipped')).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ stepId: 'createTotp', status: 'failure', statusCode: 401 });
    expect(code.codes).toEqual([]);
    expect(lastResponseOf(harness, 'createTotp')?.body).toMatchObject({
      status_code: 401,
      error_type: 'unauthorized_credentials',
    });
    expect(harness.sandbox.state.totps.has(SEED_IDS.memberId)).toBe(false);
  });

  it('refuses a replayed code with totp_code_already_authenticated', async () => {
    harness = await startStytchHarness();
    const code = createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' });
    const enrolled = await harness.run({
      document: await harness.load(WORKFLOW),
      inputs: member,
      inputProviders: { code },
    });
    expect(enrolled.status).toBe('success');

    const replay = await harness.run({
      document: await harness.load(CHECKS),
      workflowId: 'authenticate-code',
      inputs: { ...member, code: code.codes[0] },
    });
    expect(replay.status).toBe('failure');
    expect(replay.steps[0]).toMatchObject({ stepId: 'authenticateTotp', statusCode: 400 });
    expect(lastResponseOf(harness, 'authenticateTotp')?.body).toMatchObject({
      error_type: 'totp_code_already_authenticated',
    });
  });
});

describe('stytch-auth around a real B2B run', () => {
  it('draws the enrollment QR code for the member on a (fake) TTY, never printing the secret', async () => {
    harness = await startStytchHarness();
    const written: string[] = [];
    const result = await harness.run({
      document: await harness.load(WORKFLOW),
      inputs: member,
      inputProviders: {
        code: createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' }),
      },
      hooks: createQrHook({ isTTY: true, write: (text) => written.push(text) }),
    });
    expect(result.status).toBe('success');
    const secret = harness.sandbox.state.totps.get(SEED_IDS.memberId)?.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const output = written.join('');
    expect(output).toContain(SEED_IDS.memberId);
    expect(output).toMatch(/[▀▄█]/);
    expect(output).not.toContain(secret!);
  });

  it('refuses to run without Stytch credentials, naming the env variables', async () => {
    harness = await startStytchHarness();
    const engine = createEngine({
      transport: createHttpTransport(),
      credentials: createStytchCredentials({ env: {}, baseUrl: harness.sandbox.url }),
    });
    const document = await engine.load(path.join(repoRoot, WORKFLOW));
    const outcome = await engine.run({ document, inputs: { ...member, code: '123456' } }).then(
      (result) => result.error,
      (error: unknown) => error as { code: string; message: string },
    );
    // A failure as data at the first step, keeping the provider's own code; nothing was sent.
    expect(outcome).toMatchObject({ code: 'credentials-missing', stepId: 'createTotp' });
    expect(outcome?.message).toContain('STYTCH_PROJECT_ID and STYTCH_SECRET');
    expect(harness.sandbox.state.totps.has(SEED_IDS.memberId)).toBe(false);
  });
});

describeCorpus("with Stytch's full OpenAPI description as the source", () => {
  it('runs the seed workflow as published in ../shared (Basic applied though the file requires no security)', async () => {
    harness = await startStytchHarness();
    const document = await harness.load(
      corpusPath('stytch', 'arazzo', 'stytch-b2b-totp-enrollment-workflow.yml'),
    );
    const result = await harness.run({
      document,
      inputs: member,
      inputProviders: {
        code: createRecordingTotpProvider({ expression: '$steps.createTotp.outputs.secret' }),
      },
    });
    expect(result.error).toBeUndefined();
    expect(result.steps.map((s) => s.request?.url)).toEqual([
      `${harness.sandbox.url}/v1/b2b/totp`,
      `${harness.sandbox.url}/v1/b2b/totp/authenticate`,
    ]);
    expect(result.outputs.sessionToken).toEqual(expect.stringMatching(/.{20,}/));
  });
});
