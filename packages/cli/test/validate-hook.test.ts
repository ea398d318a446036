import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<
    string,
    unknown
  >[];
  const hook = hooks.find((h) => h.id === 'telaio-validate')!;

  it('declares telaio-validate as a script hook of this repository, needing nothing from npm', () => {
    expect(hook).toMatchObject({
      entry: 'scripts/pre-commit-validate.sh',
      language: 'script',
      pass_filenames: true,
    });
    expect(hook.additional_dependencies).toBeUndefined();
    // pre-commit runs the entry as a program: it must be executable in the clone.
    expect(statSync(path.join(repoRoot, hook.entry as string)).mode & 0o111).not.toBe(0);
  });

  it('takes YAML/JSON files with arazzo in their name, and nothing else', () => {
    const files = new RegExp(hook.files as string);
    const taken = [
      'arazzo.yaml',
      'arazzo.json',
      'flows/login.arazzo.yaml',
      'flows/login.arazzo.yml',
      'bnpl-arazzo.yaml',
      'a/b/x.arazzo.json',
    ];
    const left = [
      'openapi.yaml',
      'arazzo/flow.yml',
      'login.arazzo.yaml.bak',
      '.github/workflows/ci.yml',
      'arazzo.md',
    ];
    expect(taken.filter((f) => !files.test(f))).toEqual([]);
    expect(left.filter((f) => files.test(f))).toEqual([]);
  });
});

/**
 * The script run as pre-commit runs a `language: script` hook: by absolute path inside the hook's
 * repository, with the user's repository as working directory and its files (relative) as arguments.
 * This checkout is installed and built already, so the script goes straight to `telaio validate`.
 */
describe('scripts/pre-commit-validate.sh', () => {
  const script = path.join(repoRoot, 'scripts/pre-commit-validate.sh');
  const run = (cwd: string, files: string[]) =>
    spawnSync(script, files, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('exits 1 with the diagnostic for a broken file, 0 for the valid one alone, in the user repository', () => {
    const user = mkdtempSync(path.join(tmpdir(), 'telaio-hook-user-'));
    try {
      expect(spawnSync('git', ['init', '-q'], { cwd: user }).status).toBe(0);
      mkdirSync(path.join(user, 'arazzo'));
      symlinkSync(path.join(repoRoot, 'specs/openapi'), path.join(user, 'openapi'));
      const valid = readFileSync(
        path.join(repoRoot, 'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml'),
        'utf8',
      );
      const broken = valid.replace(
        'operationId: api_b2b_totp_v1_Create',
        'operationId: api_b2b_totp_v1_Creat',
      );
      expect(broken).not.toBe(valid);
      writeFileSync(path.join(user, 'arazzo/totp.arazzo.yml'), valid);
      writeFileSync(path.join(user, 'arazzo/broken.arazzo.yml'), broken);
      const line = broken.split('\n').findIndex((l) => l.endsWith('api_b2b_totp_v1_Creat')) + 1;

      const failing = run(user, ['arazzo/totp.arazzo.yml', 'arazzo/broken.arazzo.yml']);
      expect(failing.status, failing.stderr).toBe(1);
      expect(failing.stdout).toMatch(
        new RegExp(`arazzo/broken\\.arazzo\\.yml:${line}:\\d+\\s+error\\s+operation-unknown`),
      );
      expect(failing.stdout).not.toContain('totp.arazzo.yml');

      const passing = run(user, ['arazzo/totp.arazzo.yml']);
      expect(passing.status, passing.stdout + passing.stderr).toBe(0);
      // The cache of parsed sources stays in the hook's clone, not in the user's repository.
      expect(existsSync(path.join(user, 'node_modules'))).toBe(false);
    } finally {
      rmSync(user, { recursive: true, force: true });
    }
  }, 60_000);
});
