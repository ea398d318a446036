import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { fixture, SECRETS, telaio } from './fixtures/run/fixture-server.js';
import {
  inputs,
  loginInputs,
  runWorkflow,
  useFixtureServer,
  useTempDir,
  writeProject,
} from './support/run.js';

const server = useFixtureServer();
const tmp = useTempDir('telaio-run-');

describe('telaio run: inputs and reports', () => {
  it('--inputs FILE (YAML) with --input winning, --format json in CONTRACT.md shape', async () => {
    const file = tmp('inputs.yaml');
    await writeFile(file, `username: ada\npassword: ${SECRETS.password}\nitemId: 99\n`);
    const r = await telaio(
      runWorkflow(
        'login-and-fetch',
        '--inputs',
        file,
        ...inputs({ itemId: 5 }),
        '--format',
        'json',
        ...server.flag,
      ),
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['workflowId', 'status', 'outputs', 'steps']);
    expect(report.workflowId).toBe('login-and-fetch');
    expect(report.status).toBe('success');
    expect(report.outputs.itemName).toBe('item <5> & "co"');
    expect(report.steps.map((s: { stepId: string }) => s.stepId)).toEqual(['login', 'getItem']);
    expect(Object.keys(report.steps[0])).toEqual([
      'stepId',
      'status',
      'statusCode',
      'attempts',
      'durationMs',
      'outputs',
    ]);
    expect(report.steps[1]).toMatchObject({
      status: 'success',
      statusCode: 200,
      attempts: 1,
      outputs: { name: 'item <5> & "co"', firstTag: 'a' },
    });
  });

  it('json error object on failure; --output FILE writes the report there and not to stdout', async () => {
    const out = tmp('fail.json');
    const r = await telaio(runWorkflow('not-found', '--format', 'json', '--output', out, ...server.flag));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const report = JSON.parse(await readFile(out, 'utf8'));
    expect(report.status).toBe('failure');
    expect(report.error).toMatchObject({ stepId: 'missing' });
    expect(typeof report.error.code).toBe('string');
    expect(report.steps[0]).toMatchObject({ stepId: 'missing', status: 'failure', statusCode: 404 });
  });

  it('--output / --har that cannot be written: exit 2 naming the flag before anything is sent', async () => {
    await mkdir(tmp('a-directory'), { recursive: true });
    for (const [flag, path] of [
      ['--output', tmp('no-such-dir', 'x.json')],
      ['--output', tmp('a-directory')],
      ['--har', tmp('no-such-dir', 'x.har')],
      ['--har', tmp('a-directory')],
    ] as const) {
      const before = server.received.length;
      const r = await telaio(runWorkflow('retry-and-goto', flag, path, ...server.flag));
      expect(r.code, `${flag} ${path}`).toBe(2);
      expect(r.stderr).toContain(`telaio run: ${flag}: `);
      expect(server.received.length).toBe(before);
    }
  });

  it('a report that fails to be written after the run is exit 1, the message masked', async () => {
    // Passes the check before the run (an existing, writable file), fails on write (ENOSPC).
    const out = tmp(`${SECRETS.password}.json`);
    await symlink('/dev/full', out);
    const before = server.received.length;
    const r = await telaio(
      runWorkflow('login-and-fetch', ...loginInputs(3), '-f', 'json', '--output', out, ...server.flag),
    );
    expect(server.received.length).toBe(before + 2);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/telaio run: --output: cannot write '[^']*\[REDACTED\]\.json': ENOSPC/);
    expect(r.stderr + r.stdout).not.toContain(SECRETS.password);
  });

  it('retry and goto: actions in words, one json entry per execution, junit parsed as XML', async () => {
    server.reset();
    const pretty = await telaio(runWorkflow('retry-and-goto', ...server.flag));
    expect(pretty.code).toBe(0);
    expect(pretty.stderr).toMatch(/flaky got 503: retry in 1 s \(attempt 2 of 3, action again\)/);
    expect(pretty.stderr).toMatch(/goto step count \(action loop\)/);
    server.reset();
    const json = JSON.parse(
      (await telaio(runWorkflow('retry-and-goto', '-f', 'json', ...server.flag))).stdout,
    );
    expect(json.steps.map((s: { stepId: string }) => s.stepId)).toEqual(['flaky', 'count', 'count']);
    expect(json.steps[0].attempts).toBe(2);
    server.reset();
    const junit = await telaio(runWorkflow('retry-and-goto', '-f', 'junit', ...server.flag));
    const doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(junit.stdout, 'text/xml');
    const suite = doc.getElementsByTagName('testsuite')[0];
    expect(suite?.getAttribute('name')).toBe('retry-and-goto');
    const names = Array.from(doc.getElementsByTagName('testcase')).map((t) => t.getAttribute('name'));
    expect(names).toEqual(['flaky', 'count', 'count #2']);
  });

  it('retry progress shows the limit of the action that ran, for a workflow from another Arazzo file', async () => {
    const sub = await mkdtemp(join(tmpdir(), 'telaio-nested-'));
    const api = (await readFile(fixture('fixture-openapi.yml'), 'utf8')).replace(
      'http://127.0.0.1:9/unused',
      server.url,
    );
    await writeFile(join(sub, 'api.yml'), api);
    await writeFile(
      join(sub, 'sub.arazzo.yml'),
      `arazzo: 1.0.1
info: { title: nested, version: 1.0.0 }
sourceDescriptions:
  - { name: api, url: ./api.yml, type: openapi }
workflows:
  - workflowId: flakySub
    steps:
      - stepId: flaky
        operationId: flaky
        successCriteria:
          - condition: $statusCode == 200
        onFailure:
          - { name: again, type: retry, retryAfter: 0, retryLimit: 4 }
`,
    );
    await writeFile(
      join(sub, 'root.arazzo.yml'),
      `arazzo: 1.0.1
info: { title: root, version: 1.0.0 }
sourceDescriptions:
  - { name: flows, url: ./sub.arazzo.yml, type: arazzo }
workflows:
  - workflowId: outer
    steps:
      - stepId: callSub
        workflowId: $sourceDescriptions.flows.flakySub
`,
    );
    // No credentials for this source: every call is 401, so the step uses all 4 retries.
    const r = await telaio(['run', join(sub, 'root.arazzo.yml')]);
    expect(r.stderr).toMatch(/flaky got 401: retry in 0 s \(attempt 2 of 5, action again\)/);
    expect(r.stderr).toMatch(/retry in 0 s \(attempt 5 of 5, action again\)/);
    expect(r.code).toBe(1);
  });

  it('junit: failures carry the reason, special characters escaped, valid XML', async () => {
    const ok = await telaio(
      runWorkflow(
        'login-and-fetch',
        ...inputs({ username: 'a&<b>"', password: SECRETS.password, itemId: 3 }),
        '-f',
        'junit',
        ...server.flag,
      ),
    );
    expect(ok.code).toBe(0);
    const parse = (xml: string) =>
      new DOMParser({
        onError: (level, message) => {
          throw new Error(`${level}: ${message}`);
        },
      }).parseFromString(xml, 'text/xml');
    expect(parse(ok.stdout).getElementsByTagName('system-out')[2]?.textContent).toContain(
      'item <3> & \\"co\\"',
    );
    const bad = await telaio(runWorkflow('not-found', '-f', 'junit', ...server.flag));
    expect(bad.code).toBe(1);
    const failure = parse(bad.stdout).getElementsByTagName('failure')[0];
    expect(failure?.getAttribute('message')).toMatch(/\S/);
    expect(parse(bad.stdout).getElementsByTagName('testsuite')[0]?.getAttribute('failures')).toBe('1');
  });

  it('--har FILE holds every exchange, each naming the workflow and step that sent it (_stepId, comment)', async () => {
    const har = tmp('run.har');
    const r = await telaio(runWorkflow('login-and-fetch', ...loginInputs(2), '--har', har, ...server.flag));
    expect(r.code).toBe(0);
    const log = JSON.parse(await readFile(har, 'utf8')).log;
    type Entry = { request: { url: string }; _workflowId: string; _stepId: string; comment: string };
    expect(
      log.entries.map((e: Entry) => [new URL(e.request.url).pathname, e._workflowId, e._stepId, e.comment]),
    ).toEqual([
      ['/login', 'login-and-fetch', 'login', 'workflow login-and-fetch, step login'],
      ['/items/2', 'login-and-fetch', 'getItem', 'workflow login-and-fetch, step getItem'],
    ]);
  });

  it('--input-from env:VAR and totp:EXPR resolve when first read', async () => {
    /** login-and-fetch with the password read from the environment variable `name`. */
    const passwordFrom = (name: string) =>
      runWorkflow(
        'login-and-fetch',
        ...inputs({ username: 'ada' }),
        '--input-from',
        `password=env:${name}`,
        ...inputs({ itemId: 4 }),
        ...server.flag,
      );
    const env = await telaio(passwordFrom('FIXTURE_PW'), { env: { FIXTURE_PW: SECRETS.password } });
    expect(env.code).toBe(0);
    const unset = await telaio(passwordFrom('NOT_SET_ANYWHERE'));
    expect(unset.code).toBe(2);
    expect(unset.stderr).toMatch(/NOT_SET_ANYWHERE is not set/);
    const totp = await telaio(
      runWorkflow(
        'totp',
        '--input-from',
        'code=totp:$steps.createTotp.outputs.secret',
        '-f',
        'json',
        ...server.flag,
      ),
    );
    expect(totp.code).toBe(0);
    expect(JSON.parse(totp.stdout).steps[1]).toMatchObject({ stepId: 'verify', statusCode: 200 });
    const wrong = await telaio(runWorkflow('totp', '--input', 'code=000000', ...server.flag));
    expect(wrong.code).toBe(1);
  });

  it('--input-from env:VAR is read when the input is first read, not at start', async () => {
    // an optional input the workflow never reads: its unset variable does not matter
    const dir = await writeProject('telaio-env-lazy-', {
      'api.yml': await readFile(fixture('fixture-openapi.yml'), 'utf8'),
      'wf.yml': [
        'arazzo: 1.0.1',
        'info: { title: lazy, version: 1.0.0 }',
        'sourceDescriptions: [{ name: stytchFixture, url: ./api.yml, type: openapi }]',
        'workflows:',
        '  - workflowId: lazy',
        '    inputs: { type: object, properties: { note: { type: string } } }',
        '    steps:',
        '      - stepId: missing',
        '        operationId: getItem',
        '        parameters: [{ name: id, in: path, value: 1 }]',
      ],
    });
    const optional = await telaio(
      ['run', 'wf.yml', '--dry-run', '--input-from', 'note=env:TELAIO_UNSET_NOTE'],
      {
        cwd: dir,
      },
    );
    expect(optional.code, optional.stderr).toBe(0);
    expect(optional.stderr).not.toContain('TELAIO_UNSET_NOTE');
    // a required input read at the second step: the first request went out, the run fails there
    const before = server.received.length;
    const late = await telaio(
      runWorkflow(
        'login-and-fetch',
        ...inputs({ username: 'ada', password: SECRETS.password }),
        '--input-from',
        'itemId=env:TELAIO_UNSET_ITEM',
        '-f',
        'json',
        ...server.flag,
      ),
    );
    expect(late.code, late.stderr).toBe(1);
    expect(server.received.slice(before).map((q) => q.url)).toEqual(['/login']);
    const report = JSON.parse(late.stdout);
    expect(report.error).toMatchObject({ code: 'input-missing', stepId: 'getItem' });
    expect(report.error.message).toContain('TELAIO_UNSET_ITEM is not set');
  });

  it('--timeout gives up on a slow server (exit 1); a malformed --timeout is exit 2', async () => {
    const slow = await telaio(runWorkflow('slow', '--timeout', '300ms', '-f', 'json', ...server.flag));
    expect(slow.code).toBe(1);
    expect(JSON.parse(slow.stdout).error.code).toMatch(/transport|timeout/i);
    expect((await telaio(runWorkflow('slow', '--timeout', 'soon'))).code).toBe(2);
  });
});
