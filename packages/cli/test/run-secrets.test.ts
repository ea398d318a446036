import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SECRETS, telaio } from './fixtures/run/fixture-server.js';
import { loginInputs, runWorkflow, useFixtureServer, useTempDir } from './support/run.js';

const server = useFixtureServer();
const tmp = useTempDir('telaio-secrets-');
const basic = Buffer.from(`${SECRETS.projectId}:${SECRETS.credential}`).toString('base64');
/** Every value that must never be printed without --reveal-secrets. */
const SECRET_VALUES = [
  SECRETS.credential,
  basic,
  SECRETS.password,
  SECRETS.sessionToken,
  SECRETS.loginSecret,
  SECRETS.totpSecret,
  SECRETS.sessionJwt,
];
/** The TOTP workflow with its code computed from the secret the first step returned. */
const TOTP = ['totp', '--input-from', 'code=totp:$steps.createTotp.outputs.secret'] as const;

/** Runs the login flow (credentials, password input, session token reused in the next request) and the TOTP flow in one format, collecting every byte printed or written. */
async function everyOutput(
  format: string,
  extra: string[] = [],
): Promise<{ text: string; codes: (number | null)[] }> {
  const out = tmp(`report-${format}-${extra.length}.txt`);
  const har = tmp(`run-${format}-${extra.length}.har`);
  const login = (...more: string[]) =>
    telaio(
      runWorkflow('login-and-fetch', ...loginInputs(1), '-f', format, ...more, ...server.flag, ...extra),
    );
  const a = await login('--har', har, '--log-level', 'debug');
  const b = await login('-o', out);
  const c = await telaio(runWorkflow(...TOTP, '-f', format, ...server.flag, ...extra));
  const files = await Promise.all([readFile(out, 'utf8'), readFile(har, 'utf8')]);
  return {
    text: [a.stdout, a.stderr, b.stdout, b.stderr, c.stdout, c.stderr, ...files].join('\n'),
    codes: [a.code, b.code, c.code],
  };
}

describe('telaio run: secrets never reach an output unless --reveal-secrets', () => {
  for (const format of ['pretty', 'json', 'junit']) {
    it(`${format}: stdout, stderr (progress and debug logs), --output file and HAR hold no secret`, async () => {
      const { text, codes } = await everyOutput(format);
      expect(codes).toEqual([0, 0, 0]);
      for (const secret of SECRET_VALUES) expect(text, `${format} leaked ${secret}`).not.toContain(secret);
      expect(text).toContain('[REDACTED]');
      expect(text).toContain('item <1>');
    });
  }

  it('with --reveal-secrets the same outputs show them (the search above can fail)', async () => {
    const { text, codes } = await everyOutput('json', ['--reveal-secrets']);
    expect(codes).toEqual([0, 0, 0]);
    for (const secret of [SECRETS.sessionToken, SECRETS.loginSecret, SECRETS.sessionJwt, basic])
      expect(text).toContain(secret);
  });

  it('a value from a provider that marks itself secret (the totp: code) is masked in HAR and logs', async () => {
    const har = tmp('totp.har');
    const r = await telaio(runWorkflow(...TOTP, '--har', har, '--log-level', 'debug', ...server.flag));
    expect(r.code).toBe(0);
    const sent = JSON.parse(server.received.at(-1)?.body ?? '{}').code as string;
    expect(sent).toMatch(/^\d{6}$/);
    const text = `${await readFile(har, 'utf8')}${r.stdout}${r.stderr}`;
    expect(text).not.toContain(sent);
    expect(text).toMatch(/code[^\n]*\[REDACTED\]/);
  });

  it('the session token the server saw in a later request was masked there too (HAR of step 2)', async () => {
    const har = tmp('later.har');
    await telaio(runWorkflow('login-and-fetch', ...loginInputs(1), '--har', har, ...server.flag));
    const entry = JSON.parse(await readFile(har, 'utf8')).log.entries[1];
    const header = entry.request.headers.find((h: { name: string }) => h.name.toLowerCase() === 'x-session');
    expect(header.value).toBe('[REDACTED]');
    expect(server.received.at(-1)?.headers['x-session']).toBe(SECRETS.sessionToken);
  });

  it('an --inputs file with a YAML error is reported by file:line:col, never quoting the line', async () => {
    const inputs = tmp('broken-inputs.yml');
    await writeFile(inputs, `username: ada\npassword: "${SECRETS.password}" trailing\nitemId: 1\n`);
    const before = server.received.length;
    const r = await telaio(runWorkflow('login-and-fetch', '--inputs', inputs, ...server.flag));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${inputs}:2:`);
    expect(r.stderr).toMatch(/Unexpected scalar/);
    expect(r.stderr + r.stdout).not.toContain(SECRETS.password);
    expect(r.stderr).not.toContain('trailing');
    expect(server.received.length).toBe(before);
  });
});
