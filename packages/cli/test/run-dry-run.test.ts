import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FixtureServer,
  fixture,
  SECRETS,
  startFixtureServer,
  telaio,
} from './fixtures/run/fixture-server.js';

const FILE = fixture('fixture.arazzo.yml');
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

describe('telaio run --dry-run', () => {
  it('prints every request resolved as far as inputs allow, with placeholders for earlier responses, and sends nothing', async () => {
    const r = await telaio([
      'run',
      FILE,
      '-w',
      'login-and-fetch',
      '--dry-run',
      '--input',
      `password=${SECRETS.password}`,
      '--input',
      'itemId=8',
      '--server',
      `stytchFixture=${server.url}`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`POST ${server.url}/login`);
    expect(r.stdout).toMatch(/authorization: \[REDACTED\]/);
    expect(r.stdout).toContain('"username": "<input:username>"');
    expect(r.stdout).toContain('"password": "[REDACTED]"');
    expect(r.stdout).not.toContain(SECRETS.password);
    expect(r.stdout).toContain(`GET ${server.url}/items/8`);
    expect(r.stdout).toContain('x-session: <login:$response.body#/session_token>');
    expect(r.stdout).not.toContain(SECRETS.credential);
    expect(server.received).toEqual([]);
  });

  it('json adds the requests; totp providers answer placeholders; still nothing sent', async () => {
    const r = await telaio([
      'run',
      FILE,
      '-w',
      'totp',
      '--dry-run',
      '-f',
      'json',
      '--input-from',
      'code=totp:$steps.createTotp.outputs.secret',
      '--server',
      `stytchFixture=${server.url}`,
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.requests.map((q: { stepId: string }) => q.stepId)).toEqual(['createTotp', 'verify']);
    expect(report.requests[1].request.body).toContain('<totp:$steps.createTotp.outputs.secret>');
    expect(server.received).toEqual([]);
  });
});
