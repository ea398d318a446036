/**
 * `telaio run --report html FILE` (CONTRACT.md: "`run` and `test` also take `--report html FILE`: one
 * self-contained HTML page of the run, masked like every other report"): the page holds the outcome,
 * every step execution with its request, response and criteria, the failure with its Arazzo line,
 * and the graph (Arazzo 1.0.1 §4.6.4-4.6.7: steps, goto, retry, workflow steps) with the path the run
 * took; no secret is in it unless --reveal-secrets; it loads nothing (no URL in src/href, CSP none).
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, SECRETS, telaio } from './fixtures/run/fixture-server.js';
import { loginInputs, runWorkflow, useFixtureServer, useTempDir } from './support/run.js';

const server = useFixtureServer();
const tmp = useTempDir('telaio-html-');
const basic = Buffer.from(`${SECRETS.projectId}:${SECRETS.credential}`).toString('base64');
const SECRET_VALUES = [
  SECRETS.credential,
  basic,
  SECRETS.password,
  SECRETS.sessionToken,
  SECRETS.loginSecret,
  SECRETS.totpSecret,
  SECRETS.sessionJwt,
];

/** The `data-node` ids of the graph's step boxes drawn `taken`, and the classes of taken edges. */
function taken(html: string): { nodes: string[]; edges: string[] } {
  const nodes = [...html.matchAll(/class="node step taken[^"]*" data-node="([^"]+)"/g)].map((m) => m[1]!);
  const edges = [...html.matchAll(/<g class="edge ([a-z]+)(?: fail)? taken"[^>]*><title>([^<]*)</g)].map(
    (m) => `${m[1]} ${m[2]}`,
  );
  return { nodes, edges };
}

describe('telaio run --report html (CONTRACT.md run/test --report html FILE)', () => {
  it('a passing run: outcome, steps with request and response, criteria, outputs; no secret in the page', async () => {
    const file = tmp('pass.html');
    const totp = tmp('totp.html');
    const a = await telaio(
      runWorkflow('login-and-fetch', ...loginInputs(7), ...server.flag, '--report', 'html', file),
    );
    const b = await telaio(
      runWorkflow(
        'totp',
        '--input-from',
        'code=totp:$steps.createTotp.outputs.secret',
        ...server.flag,
        '--report=html',
        totp,
      ),
    );
    expect([a.code, b.code]).toEqual([0, 0]);
    const html = await readFile(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<code>login-and-fetch</code> succeeded');
    expect(html).toMatch(/<details id="x-0">[\s\S]*login[\s\S]*POST http:\/\/127\.0\.0\.1:\d+\/login/);
    expect(html).toContain('<code>$statusCode == 200</code>');
    expect(html).toContain('item &lt;7&gt; &amp; &quot;co&quot;');
    const both = `${html}${await readFile(totp, 'utf8')}`;
    for (const secret of SECRET_VALUES) expect(both, `leaked ${secret}`).not.toContain(secret);
    expect(both).toContain('[REDACTED]');
    // Self-contained: no URL the browser would load, and a policy that forbids loading anything.
    expect(both).not.toMatch(/(?:src|href)="(?!#)/);
    expect(html).toContain("default-src 'none'");
  });

  it('--reveal-secrets shows them (the search above can fail)', async () => {
    const file = tmp('reveal.html');
    const r = await telaio(
      runWorkflow(
        'login-and-fetch',
        ...loginInputs(7),
        ...server.flag,
        '--report',
        'html',
        file,
        '--reveal-secrets',
      ),
    );
    expect(r.code).toBe(0);
    const html = await readFile(file, 'utf8');
    for (const secret of [SECRETS.sessionToken, SECRETS.loginSecret, basic]) expect(html).toContain(secret);
  });

  it('a failing run: the failed step open and marked, its reason, the Arazzo line, the path to it', async () => {
    const file = tmp('fail.html');
    const r = await telaio(runWorkflow('not-found', ...server.flag, '--report', 'html', file));
    expect(r.code).toBe(1);
    const html = await readFile(file, 'utf8');
    expect(html).toContain('failed at step <a href="#x-0"><code>missing</code></a>');
    expect(html).toMatch(/<li class="step failure failed-here" data-step="missing"><details id="x-0" open>/);
    expect(html).toContain('criteria-failed');
    const lines = (await readFile(fixture('fixture.arazzo.yml'), 'utf8')).split('\n');
    const line =
      lines.findIndex(
        (l, i) =>
          i > lines.findIndex((x) => x.includes('stepId: missing')) && l.includes('$statusCode == 200'),
      ) + 1;
    expect(html).toContain(`fixture.arazzo.yml:${line}</code>`);
    expect(html).toMatch(/class="node step taken failed" data-node="[\d.]+" aria-label="step missing failed/);
  });

  it('retry, goto and a nested workflow: every execution in the timeline, their edges on the path (§4.6.5-4.6.7)', async () => {
    server.reset();
    const dir = tmp();
    const doc = join(dir, 'nested.arazzo.yml');
    await copyFile(fixture('fixture-openapi.yml'), join(dir, 'fixture-openapi.yml'));
    const text = await readFile(fixture('fixture.arazzo.yml'), 'utf8');
    await writeFile(
      doc,
      `${text.trimEnd()}\n  - workflowId: nested\n    steps:\n      - stepId: inner\n        workflowId: retry-and-goto\n      - stepId: missing\n        operationId: getItem\n        parameters:\n          - name: id\n            in: path\n            value: 404\n        successCriteria:\n          - condition: $statusCode == 200\n`,
    );
    const file = tmp('nested.html');
    const r = await telaio(['run', doc, '-w', 'nested', ...server.flag, '--report', 'html', file]);
    expect(r.code).toBe(1);
    const html = await readFile(file, 'utf8');
    const rows = [...html.matchAll(/data-step="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(['inner', 'flaky', 'count', 'count', 'missing']);
    expect(html).toContain('↻ 2 attempts');
    expect(html).toContain('↪ goto count');
    const path = taken(html);
    expect(path.edges).toEqual(
      expect.arrayContaining([
        'start start',
        'call calls',
        'retry again: retry ≤2 after 1s',
        'goto loop: goto when $response.body#/n &lt; 2',
        'next next',
      ]),
    );
    expect(path.nodes.length).toBeGreaterThanOrEqual(4);
  });

  it('exit 2: --report without its FILE, an unknown format, an unwritable FILE', async () => {
    for (const args of [
      ['--report', 'html'],
      ['--report', 'pdf', 'x.pdf'],
      ['--report', 'html', join(tmp(), 'no', 'such', 'dir.html')],
    ]) {
      const r = await telaio(runWorkflow('not-found', ...server.flag, ...args));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^telaio run: .*--report/);
    }
  });
});
