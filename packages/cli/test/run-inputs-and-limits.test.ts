/**
 * Nothing silent: an input the workflow does not declare is a warning naming the declared ones (an
 * error under --strict); `--max-steps N` replaces the fixed limit of step executions.
 */
import { describe, expect, it } from 'vitest';
import { telaio } from './fixtures/run/fixture-server.js';
import { loginInputs, runWorkflow, useFixtureServer } from './support/run.js';

const server = useFixtureServer();

describe('telaio run: inputs the workflow does not declare (Arazzo §4.6.4 Workflow Object inputs)', () => {
  it('a typo of an input name is a warning that names the declared inputs and the closest; the run goes on', async () => {
    const r = await telaio(
      runWorkflow('login-and-fetch', ...loginInputs(7), '--input', 'itmeId=8', ...server.flag),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      "telaio run: warning: --input itmeId: workflow 'login-and-fetch' declares no input 'itmeId' (its inputs: username, password, itemId); did you mean 'itemId'?; given anyway",
    );
  });

  it('under --strict it is an error: exit 2, nothing sent', async () => {
    server.received.length = 0;
    const r = await telaio(
      runWorkflow('login-and-fetch', ...loginInputs(7), '--input', 'itmeId=8', '--strict', ...server.flag),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^telaio run: --input itmeId: workflow 'login-and-fetch' declares no input 'itmeId' .*\(an error under --strict\)\n$/,
    );
    expect(server.received).toEqual([]);
  });
});

describe('telaio run --max-steps (issue 11: the step limit is a flag)', () => {
  it('stops a goto loop after N step executions with max-steps-exceeded (exit 1)', async () => {
    server.reset();
    const r = await telaio(
      runWorkflow('retry-and-goto', '--max-steps', '2', '--format', 'json', ...server.flag),
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'max-steps-exceeded' });
  });

  it('the same loop completes within the default limit', async () => {
    server.reset();
    const r = await telaio(runWorkflow('retry-and-goto', '--format', 'json', ...server.flag));
    expect(r.code, r.stderr).toBe(0);
  });
});
