import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, telaio } from './fixtures/run/fixture-server.js';
import { FILE, inputs, loginInputs, runWorkflow, useFixtureServer } from './support/run.js';

const server = useFixtureServer();

describe('telaio run: exit codes and usage', () => {
  it('exit 0 and a pretty report with outputs when the workflow succeeds', async () => {
    const r = await telaio(['run', FILE, '--workflow', 'login-and-fetch', ...loginInputs(7), ...server.flag]);
    expect(r.stderr).toMatch(/✓ login\s+POST \/login\s+200/);
    expect(r.stderr).toMatch(/✓ getItem\s+GET \/items\/7\s+200/);
    expect(r.stdout).toMatch(/login-and-fetch succeeded/);
    expect(r.stdout).toMatch(/itemName\s+item <7> & "co"/);
    expect(r.code).toBe(0);
  });

  it('exit 1 when the workflow runs and fails, naming the step and reason', async () => {
    const r = await telaio(['run', FILE, '--workflow', 'not-found', ...server.flag]);
    expect(r.stderr).toMatch(/✗ missing\s+GET \/items\/404\s+404/);
    expect(r.stdout).toMatch(/not-found failed at step missing/);
    expect(r.code).toBe(1);
  });

  it('exit 2 for an unknown flag, a missing FILE, a bad --format, a bad --input', async () => {
    for (const args of [
      ['run', FILE, '--nope'],
      ['run'],
      ['run', FILE, '--format', 'xml'],
      ['run', FILE, '--input', 'novalue'],
      ['run', FILE, '--input-from', 'code=magic'],
      ['run', FILE, '--server', 'stytchFixture=ftp://x'],
      ['run', FILE, '--dry-run', '--har', 'x.har'],
      ['run', FILE, '--log-level', 'loud'],
    ]) {
      const r = await telaio(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^telaio run: /);
    }
  });

  it('exit 2 at parse time for a --server URL that does not parse, nothing sent', async () => {
    for (const url of ['http://[bad', 'http://', 'https://exa mple.com']) {
      const before = server.received.length;
      const r = await telaio(
        runWorkflow('login-and-fetch', ...loginInputs(7), '--server', `stytchFixture=${url}`),
      );
      expect(r.code, url).toBe(2);
      expect(r.stderr).toContain(`telaio run: --server stytchFixture: '${url}' is not an http(s) URL`);
      expect(server.received.length).toBe(before);
    }
  });

  it('exit 2 when several workflows and no --workflow, listing them; and for an unknown workflow or source', async () => {
    const none = await telaio(['run', FILE]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/choose one with --workflow[\s\S]*login-and-fetch[\s\S]*retry-and-goto/);
    const unknown = await telaio(['run', FILE, '--workflow', 'nope']);
    expect(unknown.code).toBe(2);
    const source = await telaio([
      'run',
      FILE,
      '--workflow',
      'not-found',
      '--server',
      'nosuch=http://127.0.0.1:1',
    ]);
    expect(source.code).toBe(2);
    expect(source.stderr).toMatch(/--server nosuch: no such source description/);
  });

  it('exit 2 for an invalid document, shown as validate shows it, nothing sent', async () => {
    const before = server.received.length;
    const r = await telaio(['run', fixture('invalid.arazzo.yml'), ...server.flag]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid\.arazzo\.yml:\d+:\d+\s+error\s+operation-unknown\s+/);
    expect(server.received.length).toBe(before);
  });

  it('exit 2 when an input breaks the schema, naming the input and the rule, nothing sent', async () => {
    const before = server.received.length;
    const r = await telaio(runWorkflow('login-and-fetch', ...loginInputs(0), ...server.flag));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/input 'itemId' must be >= 1 \(minimum/);
    const wrongType = await telaio(runWorkflow('login-and-fetch', ...loginInputs('"x"'), ...server.flag));
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toMatch(/input 'itemId' must be an integer, got string/);
    expect(wrongType.stderr).not.toContain('telaio.invalid');
    expect(server.received.length).toBe(before);
  });

  it('--inputs numbers and booleans become strings where the schema says string, like --input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'telaio-inputs-'));
    const file = join(dir, 'inputs.yml');
    await writeFile(file, 'username: 7\npassword: true\nitemId: 8\n');
    const r = await telaio(runWorkflow('login-and-fetch', '--dry-run', '--inputs', file));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('"username": "7"');
    await writeFile(file, 'username: ada\npassword: pw\nitemId: "x"\n');
    const refused = await telaio(runWorkflow('login-and-fetch', '--dry-run', '--inputs', file));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("input 'itemId' must be an integer, got string");
    expect(refused.stderr).not.toContain('telaio.invalid');
    await writeFile(file, 'username: ada\npassword: pw\nitemId: true\n');
    const bool = await telaio(runWorkflow('login-and-fetch', '--dry-run', '--inputs', file));
    expect(bool.code).toBe(2);
    expect(bool.stderr).toContain("input 'itemId' must be an integer, got boolean true");
  });

  it('exit 2 off a terminal when a required input is missing, naming it, nothing sent', async () => {
    const before = server.received.length;
    const r = await telaio(
      runWorkflow('login-and-fetch', ...inputs({ username: 'ada', itemId: 1 }), ...server.flag),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/input 'password' is required.*--input NAME=VALUE/);
    expect(server.received.length).toBe(before);
  });

  it('exit 2 when a Stytch source has no credentials, nothing sent', async () => {
    const before = server.received.length;
    const r = await telaio(runWorkflow('not-found', ...server.flag), {
      env: { STYTCH_PROJECT_ID: undefined, STYTCH_SECRET: undefined },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/STYTCH_PROJECT_ID.*credentials-missing; nothing was sent/);
    expect(server.received.length).toBe(before);
  });

  it('--help examples: every continued line ends with a backslash', async () => {
    const r = await telaio(['run', '--help']);
    const examples = (r.stdout.split('Examples:\n')[1] ?? '').split('\n');
    expect(examples.some((line) => line.startsWith('  PETSTORE_TOKEN=') && line.endsWith(' \\'))).toBe(true);
    examples.forEach((line, i) => {
      if (i > 0 && /^ {4,}\S/.test(line)) expect(examples[i - 1], line).toMatch(/ \\$/);
    });
  });

  it('--help prints the options and examples (exit 0)', async () => {
    const r = await telaio(['run', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--workflow',
      '--input ',
      '--inputs',
      '--server',
      '--format',
      '--output',
      '--input-from',
      '--reveal-secrets',
      '--dry-run',
      '--sandbox',
      '--har',
      '--timeout',
    ]) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toMatch(/Examples:/);
  });
});
