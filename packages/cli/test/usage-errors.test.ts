/**
 * One shape and one wording for what every command may be given wrong: an unreadable file, an
 * unknown flag, a bad value; paths relative to the working directory. And validate's
 * --max-warnings / --strict (exit 1 beyond the limit, as ESLint does; warnings as errors).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const warningsOnly = 'packages/cli/test/fixtures/validate/warnings-only.arazzo.yaml';

function telaio(args: string[], env: NodeJS.ProcessEnv = {}, cwd = repoRoot) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('an unreadable FILE is reported in one wording by every command', () => {
  it('a missing file: validate (as its diagnostic), run and list, the path relative to the cwd', () => {
    const validate = JSON.parse(telaio(['validate', '--format', 'json', 'nosuch/flow.arazzo.yaml']).stdout);
    expect(validate.diagnostics.map((d: { code: string; message: string }) => [d.code, d.message])).toEqual([
      ['file-unreadable', 'cannot read nosuch/flow.arazzo.yaml: no such file'],
    ]);
    for (const command of ['run', 'list']) {
      const r = telaio([command, 'nosuch/flow.arazzo.yaml']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`telaio ${command}: cannot read nosuch/flow.arazzo.yaml: no such file\n`);
    }
  });

  it('a directory: the same words everywhere, and --inputs says which flag', () => {
    expect(telaio(['validate', 'specs']).stdout).toContain(
      'specs:1:1  error  file-unreadable  cannot read specs: it is a directory',
    );
    expect(telaio(['list', 'specs']).stderr).toBe('telaio list: cannot read specs: it is a directory\n');
    expect(telaio(['run', 'specs']).stderr).toBe('telaio run: cannot read specs: it is a directory\n');
    const r = telaio(['run', 'specs/arazzo/stytch-totp-enrollment-workflow.yml', '--inputs', 'specs']);
    expect(r.stderr).toBe('telaio run: --inputs: cannot read specs: it is a directory\n');
    expect(r.code).toBe(2);
  });

  it('a file that is not YAML: list names it at its line, relative, in one line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-usage-'));
    writeFileSync(path.join(dir, 'bad.yaml'), 'workflows: [\n  - a: b\n  c\n');
    const r = telaio(['list', 'bad.yaml'], {}, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^telaio list: bad\.yaml:\d+:\d+: not YAML or JSON: [^\n]+\n$/);
  });
});

describe('bad values: one shape for every command', () => {
  it.each([
    [
      'validate',
      ['--format', 'xml', 'x.yaml'],
      "--format must be one of stylish, json, sarif, junit, got 'xml'",
    ],
    ['validate', ['--max-warnings', '-1', 'x.yaml'], "--max-warnings must be an integer >= 0, got '-1'"],
    [
      'run',
      ['--timeout', 'soon', 'x.yaml'],
      "--timeout expects a duration such as 30s, 500ms or 2m, got 'soon'",
    ],
    ['run', ['--max-steps', 'many', 'x.yaml'], "--max-steps must be an integer >= 1, got 'many'"],
    ['run', ['--dry-run=yes', 'x.yaml'], "--dry-run takes no value, got 'yes'"],
    ['list', ['--format', 'yaml', 'x.yaml'], "--format must be one of pretty, json, got 'yaml'"],
    ['sandbox', ['--port', '70000'], "--port must be an integer from 0 to 65535, got '70000'"],
    ['list', ['a.yaml', 'b.yaml'], 'expected one FILE, got 2'],
    ['sandbox', ['extra'], "unexpected argument 'extra'"],
  ])('telaio %s %j', (command, args, message) => {
    const r = telaio([command, ...args]);
    expect(r.code).toBe(2);
    const [first, usage, hint] = r.stderr.split('\n');
    expect(first).toBe(`telaio ${command}: ${message}`);
    expect(usage).toMatch(new RegExp(`^Usage: telaio ${command} \\[options\\]`));
    expect(hint).toBe(`Run 'telaio ${command} --help' for the options and examples.`);
  });

  it('an environment variable with a bad value is named as such', () => {
    const r = telaio(['validate', warningsOnly], { TELAIO_MAX_WARNINGS: 'ten' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^telaio validate: TELAIO_MAX_WARNINGS \(for --max-warnings\) must be an integer >= 0, got 'ten'\n/,
    );
  });

  it('an unknown flag close to a real one suggests it', () => {
    expect(telaio(['validate', '--max-warning', '1', 'x']).stderr).toMatch(
      /^telaio validate: unknown option '--max-warning' \(did you mean '--max-warnings'\?\)\n/,
    );
  });
});

describe('telaio validate --max-warnings / --strict (severities: warnings do not fail unless asked)', () => {
  it('exit 0 with a warning, 1 beyond --max-warnings, 0 at the limit', () => {
    expect(telaio(['validate', '--no-cache', warningsOnly]).code).toBe(0);
    expect(telaio(['validate', '--no-cache', '--max-warnings', '1', warningsOnly]).code).toBe(0);
    const over = telaio(['validate', '--no-cache', '--max-warnings', '0', warningsOnly]);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('telaio validate: 1 warning, more than --max-warnings 0\n');
    expect(telaio(['validate', '--no-cache', warningsOnly], { TELAIO_MAX_WARNINGS: '0' }).code).toBe(1);
  });

  it('--strict counts warnings as errors; a clean document still passes', () => {
    const strict = telaio(['validate', '--no-cache', '--strict', warningsOnly]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('telaio validate: 1 warning, which --strict counts as errors\n');
    expect(
      telaio(['validate', '--no-cache', '--strict', 'specs/arazzo/stytch-totp-enrollment-workflow.yml']).code,
    ).toBe(0);
  });
});

describe('telaio validate --severity RULE=LEVEL (the severity table, docs/rules.md)', () => {
  it('turns a rule off, raises it to an error, and names an unknown rule (exit 2)', () => {
    const off = telaio(['validate', '--no-cache', '--severity', 'reference-unknown=off', warningsOnly]);
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('no problems in 1 file');
    const error = telaio(['validate', '--no-cache', '--severity', 'reference-unknown=error', warningsOnly]);
    expect(error.code).toBe(1);
    expect(error.stdout).toMatch(/:26:15 {2}error {2}reference-unknown /);
    const env = telaio(['validate', '--no-cache', warningsOnly], {
      TELAIO_SEVERITY: 'reference-unknown=off',
    });
    expect(env.stdout).toContain('no problems in 1 file');
    const unknown = telaio(['validate', '--severity', 'no-such-rule=off', warningsOnly]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^telaio validate: unknown rule 'no-such-rule' in --severity/);
  });
});
