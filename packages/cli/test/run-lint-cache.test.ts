/**
 * `telaio run` keeps lint's findings of a document between runs (issue 19 pt 3): a run of a document
 * whose files are unchanged reads them back (TELAIO_CACHE_DIR/lint-results) and loads none of lint's
 * code. Which path ran is shown by planting a finding in the stored entry (only a read prints it) and
 * by recording the ES modules the process loaded; a changed file, TELAIO_NO_CACHE and a fresh file
 * (changed in the last two seconds) each lint again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript of the benches, no types
import { startTwoStepWorkflow } from '../../../bench/support/start-two-step-workflow.js';
import { spawnNode } from './support/spawn-node.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(repoRoot, 'packages/cli/bin/telaio.js');
const dist = path.join(repoRoot, 'packages/cli/dist');
const past = new Date(Date.now() - 60_000);

let fixture: { server: import('node:http').Server; base: string; dir: string; flow: string };
let work: string;
let cacheDir: string;

beforeAll(async () => {
  fixture = await startTwoStepWorkflow();
});
afterAll(async () => {
  await new Promise<void>((resolve) => fixture.server.close(() => resolve()));
  rmSync(fixture.dir, { recursive: true, force: true });
});
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'telaio-run-lint-cache-'));
  cacheDir = path.join(work, 'cache');
  for (const name of ['flow.arazzo.yml', 'api.yml']) utimesSync(path.join(fixture.dir, name), past, past);
});

/** Runs the built CLI on the fixture; `modules` lists the ES modules it loaded (a loader hook's record). */
async function run(
  env: Record<string, string> = {},
  command: 'run' | 'test' = 'run',
): Promise<{
  code: number | null;
  stdout: string;
  stderr: string;
  modules: string[];
}> {
  const record = path.join(work, `modules-${Date.now()}-${Math.random()}.txt`);
  const hooks = path.join(work, 'hooks.mjs');
  const register = path.join(work, 'register.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(record)}, url + '\\n');
  return next(url, context);
}\n`,
  );
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`,
  );
  const result = await spawnNode(
    [
      '--import',
      register,
      bin,
      command,
      fixture.flow,
      '--server',
      `api=${fixture.base}`,
      '--input',
      'user=ada',
    ],
    { cwd: work, env: { ...process.env, NO_COLOR: '1', TELAIO_CACHE_DIR: cacheDir, ...env } },
  );
  let modules: string[] = [];
  try {
    modules = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  } catch {
    // Nothing recorded: the assertions below say so.
  }
  return { ...result, modules };
}

/** The bundle chunk that holds lint's code (the one defining lintDocument, as a declaration or, compile-hinted, a variable). */
function lintChunk(): string {
  const names = readdirSync(dist).filter(
    (n) =>
      n.endsWith('.mjs') &&
      /function lintDocument\(|var lintDocument=\(/.test(readFileSync(path.join(dist, n), 'utf8')),
  );
  expect(names).toHaveLength(1);
  return names[0] as string;
}

/** An error only a read of the stored entry can report. */
const plantedError = () => ({
  file: fixture.flow,
  code: 'planted-by-test',
  rule: 'planted-by-test',
  severity: 'error',
  message: 'a finding only the cache knows',
  range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
  pointer: '',
});

const entries = () => {
  try {
    return readdirSync(path.join(cacheDir, 'lint-results')).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
};

describe('telaio run reads back the lint findings of an unchanged document (issue 19 pt 3)', () => {
  it('lints and stores on the first run, then reads back without loading lint’s code', async () => {
    const first = await run();
    expect({ code: first.code, stderr: first.stderr }).toMatchObject({ code: 0 });
    expect(first.modules.some((m) => m.endsWith(`/${lintChunk()}`))).toBe(true);
    expect(entries()).toHaveLength(1);
    const entry = JSON.parse(
      readFileSync(path.join(cacheDir, 'lint-results', entries()[0] as string), 'utf8'),
    );
    expect(Object.keys(entry.files).sort()).toEqual(
      [path.join(fixture.dir, 'api.yml'), path.join(fixture.dir, 'flow.arazzo.yml')].sort(),
    );
    const second = await run();
    expect({ code: second.code, stderr: second.stderr }).toMatchObject({ code: 0 });
    expect(second.stdout).toContain('rex');
    expect(second.modules.length).toBeGreaterThan(3);
    expect(second.modules.some((m) => m.endsWith(`/${lintChunk()}`))).toBe(false);
  });

  it('uses what is stored: a planted error refuses the run; a changed file lints again', async () => {
    expect((await run()).code).toBe(0);
    const file = path.join(cacheDir, 'lint-results', entries()[0] as string);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.diagnostics = [plantedError()];
    writeFileSync(file, JSON.stringify(entry));
    const planted = await run();
    expect(planted.code).toBe(2);
    expect(planted.stderr).toContain('a finding only the cache knows');
    // The same text written again: a new ctime, so a new fingerprint.
    writeFileSync(fixture.flow, readFileSync(fixture.flow, 'utf8'));
    utimesSync(fixture.flow, past, past);
    const relinted = await run();
    expect({ code: relinted.code, stderr: relinted.stderr }).toMatchObject({ code: 0 });
    expect(readFileSync(file, 'utf8')).not.toContain('planted-by-test');
  });

  it('telaio test reads them back too: a planted error stops it before anything runs', async () => {
    const first = await run({}, 'test');
    expect({ code: first.code, stderr: first.stderr }).toMatchObject({ code: 0 });
    expect(entries()).toHaveLength(1);
    const file = path.join(cacheDir, 'lint-results', entries()[0] as string);
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.diagnostics = [{ ...entry.diagnostics[0], ...plantedError() }];
    writeFileSync(file, JSON.stringify(entry));
    const planted = await run({}, 'test');
    expect(planted.code).toBe(2);
    expect(planted.stderr).toContain('a finding only the cache knows');
  });

  it('keeps the parsed sources in TELAIO_CACHE_DIR too', async () => {
    expect((await run()).code).toBe(0);
    expect(readdirSync(cacheDir).filter((n) => /^[0-9a-f]{64}\.json$/.test(n))).toHaveLength(1);
  });

  it('stores nothing with TELAIO_NO_CACHE (neither sources nor lint), nor lint for a file changed in the last two seconds', async () => {
    const off = await run({ TELAIO_NO_CACHE: '1' });
    expect(off.code).toBe(0);
    expect(off.modules.some((m) => m.endsWith(`/${lintChunk()}`))).toBe(true);
    expect(() => readdirSync(cacheDir)).toThrow();
    utimesSync(fixture.flow, new Date(), new Date());
    expect((await run()).code).toBe(0);
    expect(entries()).toEqual([]);
  });
});
