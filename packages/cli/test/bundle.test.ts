import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const bundle = path.join(repoRoot, 'packages/cli/dist/telaio.bundle.cjs');
const codeCache = path.join(repoRoot, 'packages/cli/dist/telaio.bundle.v8cache');
const stytchDir = path.resolve(repoRoot, '../shared/stytch/arazzo');

function telaio(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The bundle exists after `pnpm build` (tsc -b alone leaves none, or a stale one bin/telaio.js skips).
describe.skipIf(!existsSync(bundle))('the one-file CLI bundle', () => {
  it('holds no absolute path of this checkout, so it works wherever the packages are installed', () => {
    const text = readFileSync(bundle, 'utf8');
    expect(text.includes(repoRoot)).toBe(false);
    expect(text).toContain('new URL("../../core/dist/');
    // A script compiled from a V8 code cache cannot run import() in Node 20.
    expect(text).not.toMatch(/\bimport\(/);
  });

  it('gives the same output as the unbundled modules (version, validate, list)', () => {
    const files = readdirSync(stytchDir)
      .filter((f) => f.endsWith('.yml'))
      .slice(0, 3)
      .map((f) => path.join(stytchDir, f));
    for (const args of [['--version'], ['validate', '--no-cache', ...files], ['list', files[0]!]]) {
      const bundled = telaio(args);
      const unbundled = telaio(args, { TELAIO_NO_BUNDLE: '1' });
      expect(bundled).toEqual(unbundled);
      expect(bundled.code).toBe(0);
    }
  });

  it('keeps a V8 code cache beside the bundle, keyed to this bundle file and Node version', () => {
    rmSync(codeCache, { force: true });
    expect(telaio(['--version']).code).toBe(0);
    const { size, mtimeMs } = statSync(bundle);
    const header = `telaio-v8cache ${process.version} ${size} ${mtimeMs} commands=other\n`;
    expect(readFileSync(codeCache).subarray(0, header.length).toString()).toBe(header);
    expect(telaio(['list', '--help']).code).toBe(0);
    expect(readFileSync(codeCache).toString('latin1')).toContain(' commands=other,list\n');
    expect(telaio(['--version']).stdout).toBe(telaio(['--version'], { TELAIO_NO_BUNDLE: '1' }).stdout);
  });
});
