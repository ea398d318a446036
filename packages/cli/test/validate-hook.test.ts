import { readFileSync } from 'node:fs';
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

  it('declares telaio-validate running `telaio validate` as a node hook', () => {
    expect(hook).toMatchObject({ entry: 'telaio validate', language: 'node', pass_filenames: true });
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
