/**
 * The example is what `pnpm start` runs: it must exit 0 and print the enrollment's outputs with the
 * session token masked. Spawns the built packages (`pnpm test` builds first).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('examples/stytch-b2b-totp/run.js', () => {
  it('enrolls the seeded member against the sandbox and prints masked outputs', () => {
    const run = spawnSync(process.execPath, [path.join(here, 'run.js')], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/totp-enrollment: success/);
    const json = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { outputs: Record<string, string> };
    expect(json.outputs.memberId).toBe('member-test-00000000-0000-4000-8000-000000000001');
    expect(json.outputs.totpRegistrationId).toMatch(/^member-totp-test-/);
    expect(json.outputs.sessionToken).toBe('[REDACTED]');
  });
});
