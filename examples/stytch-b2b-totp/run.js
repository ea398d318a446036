#!/usr/bin/env node
/**
 * Embeds telaio to run the Stytch B2B TOTP enrollment (specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml)
 * against a local Stytch sandbox: the workflow file is used as is, credentials come from
 * @telaio/stytch-auth, and the first code from the `totp:` input provider. Prints the outputs with
 * secrets masked; exits 0 when the workflow succeeds, 1 when it fails.
 *
 *   node examples/stytch-b2b-totp/run.js            (after `pnpm build`; `pnpm start` does both)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '@telaio/core';
import { createHttpTransport, createRedactor } from '@telaio/http-adapter';
import { createQrHook, createStytchCredentials, createTotpInputProvider } from '@telaio/stytch-auth';
import { SEED_IDS, startSandbox } from '@telaio/stytch-sandbox';

const here = path.dirname(fileURLToPath(import.meta.url));
const workflowFile = path.resolve(here, '../../specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml');

const sandbox = await startSandbox();
const credentials = createStytchCredentials({
  projectId: sandbox.projectId,
  secret: sandbox.secret,
  baseUrl: sandbox.url,
  env: {},
});
const transport = createHttpTransport({ secretValues: () => credentials.secretValues() });
// The same rules as telaio's logs, HAR and reports: secret-named fields and credential values masked.
const redactor = createRedactor({ secretValues: () => credentials.secretValues() });
const engine = createEngine({ transport, credentials, hooks: createQrHook() });

try {
  console.log(`Stytch sandbox: ${sandbox.url} (project ${sandbox.projectId})`);
  const document = await engine.load(workflowFile);
  const inputs = { organization_id: SEED_IDS.organizationId, member_id: SEED_IDS.memberId };
  const result = await engine.run({
    document,
    inputs,
    inputProviders: { code: createTotpInputProvider({ expression: '$steps.createTotp.outputs.secret' }) },
  });

  console.log(`${result.workflowId}: ${result.status} (${path.relative(process.cwd(), workflowFile)})`);
  for (const step of result.steps) {
    console.log(
      `  ${step.stepId.padEnd(18)} ${step.status.padEnd(8)} ${String(step.statusCode ?? '-').padEnd(4)} ${Math.round(step.durationMs)} ms`,
    );
  }
  if (result.error)
    console.log(`  error: ${result.error.code} at ${result.error.stepId ?? '-'}: ${result.error.message}`);
  console.log(JSON.stringify({ outputs: redactor.value(result.outputs) }, null, 2));
  process.exitCode = result.status === 'success' ? 0 : 1;
} finally {
  transport.close();
  await sandbox.close();
}
