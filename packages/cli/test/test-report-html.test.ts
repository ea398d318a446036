/**
 * `telaio test --report html FILE` (CONTRACT.md "`run` and `test` also take `--report html FILE`: one
 * self-contained HTML page of the run, masked like every other report"; issue 18 pt 2 "on `test`"):
 * one page for the whole test run, a summary of every workflow tested (passed, failed, skipped, with
 * its steps and time, linked to its run), then each workflow run as `telaio run --report html` shows
 * it; no secret in it that the test's json report masks; nothing it would load.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SECRETS, telaio } from './fixtures/run/fixture-server.js';
import { EXAMPLES, startExampleApis } from './fixtures/test-command/servers.js';
import { FILE, loginInputs, useFixtureServer, useServer, useTempDir } from './support/run.js';

const server = useFixtureServer();
const drifting = useServer(() => startExampleApis({ drift: true }));
const tmp = useTempDir('telaio-test-html-');
const basic = Buffer.from(`${SECRETS.projectId}:${SECRETS.credential}`).toString('base64');
const SECRET_VALUES = [
  SECRETS.credential,
  basic,
  SECRETS.password,
  SECRETS.sessionToken,
  SECRETS.loginSecret,
  SECRETS.sessionJwt,
];

/** `test FILE` over the fixture: login-and-fetch passes, retry-and-goto passes, not-found fails, totp and slow are skipped. */
const testArgs = (...rest: string[]) => [
  'test',
  FILE,
  ...server.flag,
  ...loginInputs(7),
  '--skip',
  'totp',
  '--skip',
  'slow',
  '--jobs',
  '1',
  ...rest,
];

/** The summary rows: `status workflowId link` per row, in order. */
function rows(html: string): string[] {
  return [...html.matchAll(/<tr class="wf (\w+)" data-workflow="([^"]+)">.*?<\/tr>/g)].map((m) => {
    const link = /<a href="(#run-\d+)">/.exec(m[0])?.[1] ?? '-';
    return `${m[1]} ${m[2]} ${link}`;
  });
}

describe('telaio test --report html (CONTRACT.md run/test --report html FILE)', () => {
  it('one page: the summary of every workflow (failed marked, skipped listed), each run as run shows it', async () => {
    server.reset();
    const file = tmp('test.html');
    const r = await telaio(testArgs('--report', 'html', file, '--format', 'json'));
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { summary: { workflows: unknown } };
    expect(json.summary.workflows).toEqual({ passed: 2, failed: 1, skipped: 2 });
    const html = await readFile(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>telaio test: 5 workflows in 1 file</title>');
    expect(html).toContain('1 of 5 workflows failed');
    expect(html).toContain('workflows: 2 passed, 1 failed, 2 skipped');
    expect(rows(html)).toEqual([
      'passed login-and-fetch #run-0',
      'passed retry-and-goto #run-1',
      'failed not-found #run-2',
      'skipped totp -',
      'skipped slow -',
    ]);
    expect(html).toMatch(
      /<tr class="wf failed" data-workflow="not-found">.*criteria-failed<\/strong> at <code>missing<\/code>/,
    );
    expect(html).toMatch(/<tr class="wf skipped" data-workflow="totp">.*--skip/);
    // Each run is a section as `telaio run --report html` draws it, its rows anchored apart.
    const sections = [...html.matchAll(/<h2 id="(run-\d+)">.*?<code>([^<]+)<\/code> (succeeded|failed)/g)];
    expect(sections.map((m) => `${m[1]} ${m[2]} ${m[3]}`)).toEqual([
      'run-0 login-and-fetch succeeded',
      'run-1 retry-and-goto succeeded',
      'run-2 not-found failed',
    ]);
    expect(html).toContain('failed at step <a href="#x-2-0"><code>missing</code></a>');
    expect(html).toMatch(
      /<li class="step failure failed-here" data-step="missing"><details id="x-2-0" open>/,
    );
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const href of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(href[1]);
    expect(html).toContain('↻ 2 attempts');
    expect(html).toContain('↪ goto count');
  });

  it('masked as the json report is: no secret in the page, [REDACTED] where they were', async () => {
    server.reset();
    const file = tmp('masked.html');
    const r = await telaio(testArgs('--report', 'html', file, '--format', 'json'));
    expect(r.code).toBe(1);
    const html = await readFile(file, 'utf8');
    for (const secret of SECRET_VALUES) {
      expect(r.stdout, `json leaked ${secret}`).not.toContain(secret);
      expect(html, `html leaked ${secret}`).not.toContain(secret);
    }
    expect(html).toContain('[REDACTED]');
    expect(html).not.toMatch(/(?:src|href)="(?!#)/);
    expect(html).toContain("default-src 'none'");
    // The same run with --reveal-secrets shows them, so the search above can fail.
    const shown = tmp('shown.html');
    await telaio(testArgs('--report', 'html', shown, '--reveal-secrets'));
    const revealed = await readFile(shown, 'utf8');
    for (const secret of [SECRETS.sessionToken, basic]) expect(revealed).toContain(secret);
  });

  it('response checks against the OpenAPI: each failed check under its step, warnings marked, as the json report has them', async () => {
    const file = tmp('checks.html');
    const r = await telaio([
      'test',
      EXAMPLES,
      ...drifting.flags,
      '--input',
      'petId=1',
      '--severity',
      'schema=warn',
      '--format',
      'json',
      '--report',
      'html',
      file,
    ]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      files: { workflows: { steps: { checks: { respectName: string; severity: string }[] }[] }[] }[];
    };
    const expected = json.files
      .flatMap((f) => f.workflows.flatMap((w) => w.steps.flatMap((s) => s.checks)))
      .map((c) => `${c.severity} ${c.respectName}`)
      .sort();
    expect(expected).toContain('warn SCHEMA_CHECK');
    const html = await readFile(file, 'utf8');
    const shown = [
      ...html.matchAll(
        /<li class="(error|warn)"><span class="icon [a-z]+" aria-label="[a-z]+">.<\/span> <code>([A-Z_]+)<\/code>/g,
      ),
    ]
      .map((m) => `${m[1]} ${m[2]}`)
      .sort();
    expect(shown).toEqual(expected);
    expect(html).toContain('⚠ 1 check warning');
    expect(html).toMatch(/<code>[^<]*\.openapi\.yaml:\d+:\d+<\/code>/);
  });

  it('exit 2 before anything runs: --report without FILE, an unknown format, an unwritable FILE; help lists it', async () => {
    for (const args of [
      ['--report', 'html'],
      ['--report', 'pdf', 'x.pdf'],
      ['--report', 'html', tmp('no', 'dir.html')],
    ]) {
      const before = server.received.length;
      const r = await telaio(testArgs(...args));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^telaio test: .*--report/);
      expect(server.received.length, args.join(' ')).toBe(before);
    }
    const help = await telaio(['test', '--help']);
    expect(help.stdout).toContain('--report html FILE');
  });
});
