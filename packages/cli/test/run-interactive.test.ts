import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateTotpCode } from '@telaio/stytch-auth';
import { describe, expect, it } from 'vitest';
import { SECRETS, telaio } from './fixtures/run/fixture-server.js';
import { inputs, runWorkflow, useFixtureServer } from './support/run.js';

const BIN = fileURLToPath(new URL('../bin/telaio.js', import.meta.url));
const server = useFixtureServer();

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs telaio on a pseudo-terminal (util-linux `script`), answering each prompt that appears. */
function onTerminal(
  args: string[],
  answer: (screen: string) => string | undefined,
): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map(quote).join(' ');
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: {
        ...process.env,
        NO_COLOR: '1',
        STYTCH_PROJECT_ID: SECRETS.projectId,
        STYTCH_SECRET: SECRETS.credential,
      },
    });
    let screen = '';
    let answered = 0;
    child.stdout.on('data', (chunk) => {
      screen += chunk;
      const prompts = screen.split('? ').length - 1;
      if (prompts > answered) {
        const text = answer(screen);
        if (text !== undefined) {
          answered = prompts;
          child.stdin.write(`${text}\r`);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, screen }));
  });
}

describe('telaio run on a terminal', () => {
  it('asks for a missing required input when the workflow first reads it (after the step before ran)', async () => {
    const r = await onTerminal(runWorkflow('totp', ...server.flag), (screen) =>
      /\? code: /.test(screen) ? generateTotpCode({ secret: SECRETS.totpSecret }) : undefined,
    );
    expect(r.screen.indexOf('✓ createTotp')).toBeGreaterThan(-1);
    expect(r.screen.indexOf('✓ createTotp')).toBeLessThan(r.screen.indexOf('? code'));
    expect(r.screen).toMatch(/✓ verify\s+POST \/totp\/verify\s+200/);
    expect(r.code).toBe(0);
  });

  it('hides what is typed for a secret-looking input', async () => {
    const r = await onTerminal(
      runWorkflow('login-and-fetch', ...inputs({ username: 'ada', itemId: 2 }), ...server.flag),
      (screen) => (/\? password \[hidden\]: /.test(screen) ? SECRETS.password : undefined),
    );
    expect(r.screen).toMatch(/password \[hidden\]/);
    expect(r.screen).not.toContain(SECRETS.password);
    expect(r.screen).toMatch(/login-and-fetch succeeded/);
    expect(r.code).toBe(0);
  });

  it('--input-from NAME=prompt off a terminal is exit 2', async () => {
    const r = await telaio(runWorkflow('totp', '--input-from', 'code=prompt', ...server.flag));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
  });
});

describe('telaio run --sandbox', () => {
  it('runs the B2B TOTP enrollment against the embedded sandbox; the session token is masked unless revealed', async () => {
    const args = [
      'run',
      fileURLToPath(
        new URL('../../../specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml', import.meta.url),
      ),
      '--sandbox',
      '--input',
      'organization_id=organization-test-00000000-0000-4000-8000-000000000001',
      '--input',
      'member_id=member-test-00000000-0000-4000-8000-000000000001',
      '--input-from',
      'code=totp:$steps.createTotp.outputs.secret',
      '--format',
      'json',
    ];
    const noCredentials = { env: { STYTCH_PROJECT_ID: undefined, STYTCH_SECRET: undefined } };
    const masked = await telaio(args, noCredentials);
    expect(masked.code).toBe(0);
    const report = JSON.parse(masked.stdout);
    expect(report.outputs.sessionToken).toBe('[REDACTED]');
    expect(report.steps.map((s: { statusCode: number }) => s.statusCode)).toEqual([200, 200]);
    const revealed = JSON.parse((await telaio([...args, '--reveal-secrets'], noCredentials)).stdout);
    expect(revealed.outputs.sessionToken).toMatch(/^[\w-]{20,}$/);
    expect(masked.stdout).not.toMatch(/"session_?[tT]oken": "(?!\[REDACTED\])/);
  });
});
