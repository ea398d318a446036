/**
 * Which of the 24 published Stytch workflows the sandbox can run, checked rather than claimed: each
 * workflow is resolved against Stytch's full OpenAPI files, every step's operation is probed on a
 * fresh sandbox (served unless it answers route_not_found or method_not_allowed), and the operations
 * found unserved must be exactly the ones the table in packages/stytch-sandbox/README.md names.
 * Every workflow left with none unserved must be in the e2e suite (stytch-more-workflows.test.ts and
 * the three seed test files).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { resolveDocument } from '@telaio/core';
import { type Sandbox, startSandbox } from '@telaio/stytch-sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { corpusPath, describeCorpus } from './support/shared-corpus.js';

const stytchDir = corpusPath('stytch', 'arazzo');

/** Workflows whose every operation is served; each runs end to end in test/. */
const RUNS_END_TO_END = [
  'stytch-b2b-org-create-member-workflow.yml',
  'stytch-b2b-recovery-codes-rotate-workflow.yml',
  'stytch-b2b-totp-enrollment-workflow.yml',
  'stytch-revoke-connected-app-workflow.yml',
  'stytch-session-authenticate-revoke-workflow.yml',
  'stytch-totp-enrollment-workflow.yml',
  'stytch-user-create-search-delete-workflow.yml',
];

/** The operations the sandbox does not serve, per remaining workflow (the README's table). */
const UNSERVED: Record<string, string[]> = {
  'stytch-b2b-create-org-invite-member-workflow.yml': ['POST /v1/b2b/magic_links/email/invite'],
  'stytch-b2b-discovery-intermediate-exchange-workflow.yml': [
    'POST /v1/b2b/magic_links/discovery/authenticate',
    'POST /v1/b2b/discovery/intermediate_sessions/exchange',
  ],
  'stytch-b2b-email-magic-link-discovery-workflow.yml': [
    'POST /v1/b2b/magic_links/email/discovery/send',
    'POST /v1/b2b/magic_links/discovery/authenticate',
    'POST /v1/b2b/discovery/organizations/create',
  ],
  'stytch-b2b-email-otp-discovery-workflow.yml': [
    'POST /v1/b2b/otps/email/discovery/send',
    'POST /v1/b2b/otps/email/discovery/authenticate',
    'POST /v1/b2b/discovery/intermediate_sessions/exchange',
  ],
  'stytch-b2b-email-otp-login-workflow.yml': [
    'POST /v1/b2b/otps/email/login_or_signup',
    'POST /v1/b2b/otps/email/authenticate',
  ],
  'stytch-b2b-magic-link-org-login-workflow.yml': [
    'POST /v1/b2b/magic_links/email/login_or_signup',
    'POST /v1/b2b/magic_links/authenticate',
  ],
  'stytch-b2b-password-auth-session-workflow.yml': ['POST /v1/b2b/passwords/authenticate'],
  'stytch-b2b-sms-otp-mfa-workflow.yml': ['POST /v1/b2b/otps/sms/send', 'POST /v1/b2b/otps/sms/authenticate'],
  'stytch-create-user-magic-link-workflow.yml': [
    'POST /v1/magic_links/email/send',
    'POST /v1/magic_links/authenticate',
  ],
  'stytch-crypto-wallet-auth-workflow.yml': [
    'POST /v1/crypto_wallets/authenticate/start',
    'POST /v1/crypto_wallets/authenticate',
  ],
  'stytch-email-otp-login-workflow.yml': [
    'POST /v1/otps/email/login_or_create',
    'POST /v1/otps/authenticate',
  ],
  'stytch-magic-link-login-or-create-workflow.yml': [
    'POST /v1/magic_links/email/login_or_create',
    'POST /v1/magic_links/authenticate',
  ],
  'stytch-oauth-authenticate-session-workflow.yml': ['POST /v1/oauth/authenticate'],
  'stytch-password-reset-email-workflow.yml': [
    'POST /v1/passwords/email/reset/start',
    'POST /v1/passwords/email/reset',
  ],
  'stytch-password-signup-session-workflow.yml': ['POST /v1/passwords', 'POST /v1/passwords/authenticate'],
  'stytch-sms-otp-login-workflow.yml': ['POST /v1/otps/sms/login_or_create', 'POST /v1/otps/authenticate'],
  'stytch-whatsapp-otp-login-workflow.yml': [
    'POST /v1/otps/whatsapp/login_or_create',
    'POST /v1/otps/authenticate',
  ],
};

let sandbox: Sandbox;

/** True when the sandbox routes `method path` (whatever it then answers to a probe). */
async function served(method: string, template: string): Promise<boolean> {
  const url = `${sandbox.url}${template.replace(/\{[^}]+\}/g, 'probe')}`;
  const response = await fetch(url, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${sandbox.projectId}:${sandbox.secret}`).toString('base64')}`,
      ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
    },
    ...(method === 'GET' || method === 'DELETE' ? {} : { body: '{}' }),
  });
  const body = (await response.json()) as { error_type?: string };
  return body.error_type !== 'route_not_found' && body.error_type !== 'method_not_allowed';
}

describeCorpus('the 24 published Stytch workflows on the sandbox', () => {
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('serve exactly the operations the README table says, and every fully served one runs in test/', async () => {
    const files = readdirSync(stytchDir).filter((f) => f.endsWith('.yml'));
    expect(files).toHaveLength(24);
    const unserved: Record<string, string[]> = {};
    const runnable: string[] = [];
    for (const file of files.sort()) {
      const resolved = await resolveDocument(path.join(stytchDir, file), { cache: false });
      expect(resolved.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const missing: string[] = [];
      for (const step of resolved.file!.document.workflows.flatMap((w) => w.steps)) {
        const [op] = resolved.index.byOperationId(step.operationId!);
        const line = `${op!.method.toUpperCase()} ${op!.path}`;
        if (!(await served(op!.method.toUpperCase(), op!.path)) && !missing.includes(line))
          missing.push(line);
      }
      if (missing.length === 0) runnable.push(file);
      else unserved[file] = missing;
    }
    expect(unserved).toEqual(UNSERVED);
    expect(runnable).toEqual(RUNS_END_TO_END);
  }, 120_000);
});
