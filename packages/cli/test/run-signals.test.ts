/**
 * SIGTERM and SIGHUP stop `telaio run` the way SIGINT does: the running step is aborted, the report
 * (json, junit, pretty, HAR) is still written with the interrupted step marked, and the exit code is
 * the conventional 128 + signal number. Real signals to a spawned telaio, against a loopback server
 * whose /slow endpoint is still answering when the signal arrives.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { SECRETS } from './fixtures/run/fixture-server.js';
import { FILE, useFixtureServer, useTempDir } from './support/run.js';

const BIN = fileURLToPath(new URL('../bin/telaio.js', import.meta.url));
const server = useFixtureServer();
const temp = useTempDir('telaio-signals-');

/** Runs the `slow` workflow, sends `signal` once the server has the request, and collects the outcome. */
async function interrupt(signal: NodeJS.Signals, args: readonly string[]) {
  server.reset();
  server.received.length = 0;
  const child = spawn(process.execPath, [BIN, 'run', FILE, '-w', 'slow', ...server.flag, ...args], {
    env: {
      ...process.env,
      NO_COLOR: '1',
      STYTCH_PROJECT_ID: SECRETS.projectId,
      STYTCH_SECRET: SECRETS.credential,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, killedBy) => resolve({ code, signal: killedBy })),
  );
  // The step is running once the server has its request (the server answers 3 s later).
  await expect.poll(() => server.received.some((r) => r.url === '/slow'), { timeout: 15_000 }).toBe(true);
  child.kill(signal);
  const { code, signal: killedBy } = await closed;
  return { code, killedBy, stdout, stderr };
}

describe('telaio run stopped by a signal (issue 14: signals)', () => {
  it('SIGTERM: exit 143, the json report and the HAR written, the interrupted step marked', async () => {
    const har = temp('term.har');
    const r = await interrupt('SIGTERM', ['--format', 'json', '--har', har]);
    expect(r.killedBy).toBeNull();
    expect(r.code).toBe(143);
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe('failure');
    expect(report.error).toMatchObject({ code: 'interrupted', stepId: 'wait' });
    expect(report.error.message).toMatch(/^interrupted \(SIGTERM\): /);
    expect(report.steps[0]).toMatchObject({ stepId: 'wait', status: 'failure' });
    const log = JSON.parse(await readFile(har, 'utf8'));
    expect(log.log.creator.name).toBeTypeOf('string');
  });

  it('SIGHUP: exit 129, the junit report written with the interrupted step as a failure', async () => {
    const output = temp('hup.xml');
    const r = await interrupt('SIGHUP', ['--format', 'junit', '--output', output]);
    expect(r.code).toBe(129);
    const doc = new DOMParser().parseFromString(await readFile(output, 'utf8'), 'text/xml');
    const testcase = [...Array.from(doc.getElementsByTagName('testcase'))].find(
      (t) => t.getAttribute('name') === 'wait',
    );
    expect(testcase?.getElementsByTagName('failure').length).toBe(1);
    expect(testcase?.getElementsByTagName('failure')[0]?.textContent).toContain('aborted');
  });

  it('SIGINT: exit 130 as before, the pretty summary names the interrupted step', async () => {
    const r = await interrupt('SIGINT', []);
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/✗ slow failed at step wait/);
    expect(r.stdout).toContain('interrupted (Ctrl-C)');
  });
});
