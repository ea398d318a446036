import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const bundle = path.join(repoRoot, 'packages/cli/dist/telaio.bundle.mjs');
const seedDir = path.join(repoRoot, 'specs/arazzo');

function telaio(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The bundle's entry and its chunks (all in dist/, beside the entry). */
function outputs(): string[] {
  const dist = path.dirname(bundle);
  return [
    bundle,
    ...readdirSync(dist)
      .filter((f) => /^telaio\.chunk-.*\.mjs$/.test(f))
      .map((f) => path.join(dist, f)),
  ];
}

// The bundle exists after `pnpm build` (what `pnpm test` runs first): its absence is a failure, not a skip.
describe('the one-file CLI bundle', () => {
  it('is built by pnpm build', () => {
    expect(existsSync(bundle), 'run `pnpm build`').toBe(true);
  });

  it('holds no absolute path of this checkout, so it works wherever the packages are installed', () => {
    const texts = outputs().map((file) => readFileSync(file, 'utf8'));
    for (const text of texts) expect(text.includes(repoRoot)).toBe(false);
    expect(texts.some((text) => text.includes('new URL("../../core/dist/'))).toBe(true);
  });

  it('is split: the entry holds the command declarations, each command loads its own chunks', () => {
    // The HTTP client (known by its connect timeout message) is not in the entry but in a chunk.
    const entry = readFileSync(bundle, 'utf8');
    const client = /not connected within/;
    expect(entry.length).toBeLessThan(200_000);
    expect(outputs().length).toBeGreaterThan(2);
    expect(entry).not.toMatch(client);
    expect(outputs().some((f) => client.test(readFileSync(f, 'utf8')))).toBe(true);
    expect(entry).toMatch(/import\("\.\/telaio\.chunk-[A-Z0-9]+\.mjs"\)/);
  });

  it('loads Node builtins with process.getBuiltinModule, not static imports (no ES module facade per builtin)', () => {
    for (const file of outputs()) {
      const text = readFileSync(file, 'utf8');
      expect({ file, builtinImport: /(?:^|[;}\s])(?:import|export)[^;"]*from\s*"node:/.test(text) }).toEqual({
        file,
        builtinImport: false,
      });
    }
    expect(
      outputs().some((file) => readFileSync(file, 'utf8').includes('globalThis.process.getBuiltinModule(')),
    ).toBe(true);
  });

  it('gives the same output as the unbundled modules (version, validate, list)', () => {
    const files = readdirSync(seedDir)
      .filter((f) => f.endsWith('.yml'))
      .sort()
      .map((f) => path.join(seedDir, f));
    for (const args of [['--version'], ['validate', '--no-cache', ...files], ['list', files[0]!]]) {
      const bundled = telaio(args);
      const unbundled = telaio(args, { TELAIO_NO_BUNDLE: '1' });
      expect(bundled).toEqual(unbundled);
      expect(bundled.code).toBe(0);
    }
  });

  it('reads YAML the fast reader leaves to js-yaml (anchors, multi-line flow, syntax errors) through its side bundle, as the unbundled modules do', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'telaio-bundle-js-yaml-'));
    try {
      writeFileSync(
        path.join(dir, 'api.yml'),
        "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /login:\n    post:\n      operationId: login\n      tags: [a,\n        b]\n      responses: { '200': { description: ok } }\n",
      );
      writeFileSync(path.join(dir, 'broken.yml'), 'openapi: 3.0.3\npaths: [a\n');
      const flow = (source: string) =>
        `arazzo: 1.0.1\ninfo: &info { title: t, version: '1' }\nsourceDescriptions:\n  - { name: api, url: ./${source}, type: openapi }\nworkflows:\n  - workflowId: w\n    steps:\n      - stepId: s\n        operationId: login\n        successCriteria: [{ condition: $statusCode == 200 }]\n`;
      writeFileSync(path.join(dir, 'good.arazzo.yml'), flow('api.yml'));
      writeFileSync(path.join(dir, 'bad.arazzo.yml'), flow('broken.yml'));
      for (const [file, code] of [
        ['good.arazzo.yml', 0],
        ['bad.arazzo.yml', 1],
      ] as const) {
        const args = ['validate', '--no-cache', '--format', 'json', path.join(dir, file)];
        const bundled = telaio(args);
        expect(bundled).toEqual(telaio(args, { TELAIO_NO_BUNDLE: '1' }));
        expect(bundled.code).toBe(code);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
