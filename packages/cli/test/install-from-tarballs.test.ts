/**
 * telaio installs as users install it: the `pnpm -r pack` tarballs of every published package, installed
 * with `npm install -g --prefix <fresh dir>` (third-party dependencies from the npm registry), give a
 * `telaio` on that prefix's PATH that validates, lists, runs and serves the sandbox from a folder
 * outside the checkout, with no link into the workspace and no development dependency installed.
 * Skipped, with the reason printed, when the npm registry cannot be reached.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
/** Every published package of the workspace (packages/* not marked private), so a new one cannot be forgotten. */
const PACKAGES = readdirSync(path.join(repoRoot, 'packages')).filter((name) => {
  const manifest = path.join(repoRoot, 'packages', name, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).private !== true;
});
const ORG = 'organization-test-00000000-0000-4000-8000-000000000001';
const MEMBER = 'member-test-00000000-0000-4000-8000-000000000001';

/** Undefined when the npm registry answers, else why not. */
async function registryProblem(): Promise<string | undefined> {
  try {
    await run('npm', ['view', 'pino', 'version'], { timeout: 30_000 });
    return undefined;
  } catch (error) {
    return `the npm registry cannot be reached (npm view pino version: ${(error as Error).message.split('\n')[0]})`;
  }
}

/** Every symbolic link under `dir`, with its target. */
function links(dir: string): [string, string][] {
  const found: [string, string][] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, entry);
    if (lstatSync(full).isSymbolicLink()) found.push([full, readlinkSync(full)]);
  }
  return found;
}

let problem: string | undefined;
let prefix = '';
let work = '';

/** `telaio ARGS` from the installed prefix, in a folder outside the checkout. */
function telaio(args: string[]) {
  const r = spawnSync(path.join(prefix, 'bin', 'telaio'), args, {
    cwd: work,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH}`,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('telaio installed from the pnpm pack tarballs with npm install -g (issue 12: installable as users install it)', () => {
  beforeAll(async () => {
    problem = await registryProblem();
    if (problem !== undefined) {
      console.warn(`install-from-tarballs: skipped: ${problem}`);
      return;
    }
    const packs = mkdtempSync(path.join(tmpdir(), 'telaio-packs-'));
    for (const name of PACKAGES)
      await run('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', packs], {
        cwd: path.join(repoRoot, 'packages', name),
        timeout: 120_000,
      });
    prefix = mkdtempSync(path.join(tmpdir(), 'telaio-prefix-'));
    const tarballs = readdirSync(packs).map((f) => path.join(packs, f));
    expect(tarballs).toHaveLength(PACKAGES.length);
    await run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', ...tarballs], {
      timeout: 280_000,
    });
    work = mkdtempSync(path.join(tmpdir(), 'telaio-user-'));
    cpSync(path.join(repoRoot, 'specs'), path.join(work, 'specs'), { recursive: true });
  }, 300_000);

  it('puts telaio on the prefix PATH, with no link into the workspace and no development dependency', (ctx) => {
    if (problem !== undefined) return ctx.skip(problem);
    expect(telaio(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const lib = path.join(prefix, 'lib', 'node_modules');
    for (const [link, target] of links(prefix))
      expect(path.resolve(path.dirname(link), target).startsWith(prefix), `${link} -> ${target}`).toBe(true);
    for (const name of PACKAGES) {
      const manifest = JSON.parse(readFileSync(path.join(lib, '@telaio', name, 'package.json'), 'utf8'));
      for (const dev of Object.keys(manifest.devDependencies ?? {})) {
        const isRuntimeElsewhere = PACKAGES.some((other) => {
          const m = JSON.parse(readFileSync(path.join(lib, '@telaio', other, 'package.json'), 'utf8'));
          return dev in (m.dependencies ?? {});
        });
        if (!isRuntimeElsewhere) {
          expect(existsSync(path.join(lib, dev)), `${dev} (a devDependency of @telaio/${name})`).toBe(false);
          expect(existsSync(path.join(lib, '@telaio', name, 'node_modules', dev))).toBe(false);
        }
      }
    }
  });

  it('validates, lists and dry-runs the project specs from a folder outside the checkout', (ctx) => {
    if (problem !== undefined) return ctx.skip(problem);
    const file = 'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml';
    const validate = telaio([
      'validate',
      '--no-cache',
      'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml',
    ]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('no problems in 1 file');
    expect(telaio(['list', file]).stdout).toContain('▶ totp-enrollment');
    const dry = telaio([
      'run',
      file,
      '--dry-run',
      '--input',
      `organization_id=${ORG}`,
      '--input',
      `member_id=${MEMBER}`,
      '--input',
      'code=123456',
    ]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('POST https://test.stytch.com/v1/b2b/totp');
  });

  it('runs the B2B TOTP enrollment against the embedded sandbox', (ctx) => {
    if (problem !== undefined) return ctx.skip(problem);
    const r = telaio([
      'run',
      'specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml',
      '--sandbox',
      '--input',
      `organization_id=${ORG}`,
      '--input',
      `member_id=${MEMBER}`,
      '--input-from',
      'code=totp:$steps.createTotp.outputs.secret',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('success');
  });

  it('serves the sandbox until SIGTERM', async (ctx) => {
    if (problem !== undefined) return ctx.skip(problem);
    const child = spawn(path.join(prefix, 'bin', 'telaio'), ['sandbox', '--quiet'], { cwd: work });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /listening on (\S+)/.exec(out)![1]!;
    expect((await fetch(`${url}/v1/b2b/organizations/${ORG}`)).status).toBe(401);
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await closed).toBe(0);
  });
});
