import { mkdtemp, readdir, readFile as readFileAsync, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath, itCorpus } from '../../../test/support/shared-corpus.js';
import { fixture, SECRETS, telaio } from './fixtures/run/fixture-server.js';
import { inputs, runWorkflow, useFixtureServer, writeProject } from './support/run.js';

/** The project's seed workflows and OpenAPI files (specs/). */
const SPECS = join(fixture('.'), '..', '..', '..', '..', '..', 'specs');
const server = useFixtureServer();

describe('telaio run --dry-run', () => {
  it('prints every request resolved as far as inputs allow, with placeholders for earlier responses, and sends nothing', async () => {
    const r = await telaio(
      runWorkflow(
        'login-and-fetch',
        '--dry-run',
        ...inputs({ password: SECRETS.password, itemId: 8 }),
        ...server.flag,
      ),
    );
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
    const r = await telaio(
      runWorkflow(
        'totp',
        '--dry-run',
        '-f',
        'json',
        '--input-from',
        'code=totp:$steps.createTotp.outputs.secret',
        ...server.flag,
      ),
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.requests.map((q: { stepId: string }) => q.stepId)).toEqual(['createTotp', 'verify']);
    expect(report.requests[1].request.body).toContain('<totp:$steps.createTotp.outputs.secret>');
    expect(server.received).toEqual([]);
  });

  /** The B2B TOTP seed workflow copied to a fresh directory (its own package.json, so its own cache), `url` as the source. */
  async function stytchSeed(url: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'telaio-dry-stytch-'));
    await writeFile(join(dir, 'package.json'), '{}');
    const seed = await readFileAsync(
      join(SPECS, 'arazzo', 'stytch-b2b-totp-enrollment-workflow.yml'),
      'utf8',
    );
    expect(seed).toContain('../openapi/stytch-b2b-openapi.yml');
    await writeFile(join(dir, 'wf.yml'), seed.replace('../openapi/stytch-b2b-openapi.yml', url));
    return dir;
  }

  const totpArgs = [
    'run',
    'wf.yml',
    '--dry-run',
    '-f',
    'json',
    '--input',
    'organization_id=org-1',
    '--input',
    'member_id=m-1',
    '--input-from',
    'code=totp:$steps.createTotp.outputs.secret',
  ];

  itCorpus(
    'the full Stytch B2B file as the source: bodies from core response shapes, then from the cache',
    async () => {
      const dir = await stytchSeed(corpusPath('stytch', 'openapi', 'stytch-b2b-openapi.yml'));
      const first = await telaio(totpArgs, { cwd: dir });
      expect(first.code, first.stderr).toBe(0);
      expect(await readdir(join(dir, 'node_modules', '.cache', 'telaio'))).not.toEqual([]);
      const second = await telaio(totpArgs, { cwd: dir });
      expect(second.code, second.stderr).toBe(0);
      const report = JSON.parse(second.stdout);
      expect(report.steps[0].outputs).toMatchObject({
        totpRegistrationId: '<createTotp:$response.body#/totp_registration_id>',
        secret: '<createTotp:$response.body#/secret>',
      });
      expect(report.outputs.sessionToken).toBe('<authenticateTotp:$response.body#/session_token>');
      expect(report.requests.map((q: { request: { url: string } }) => q.request.url)).toEqual([
        'https://test.stytch.com/v1/b2b/totp',
        'https://test.stytch.com/v1/b2b/totp/authenticate',
      ]);
      expect(JSON.parse(first.stdout).outputs).toEqual(report.outputs);
    },
  );

  it('a remote OpenAPI source: response $refs followed too (the body is not one placeholder)', async () => {
    const text = await readFileAsync(join(SPECS, 'openapi', 'stytch-b2b-openapi.yml'));
    const http = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/yaml' });
      res.end(text);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = http.address() as AddressInfo;
      const dir = await stytchSeed(`http://127.0.0.1:${port}/stytch-b2b-openapi.yml`);
      const r = await telaio(totpArgs, { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).steps[0].outputs.secret).toBe('<createTotp:$response.body#/secret>');
    } finally {
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });

  it('shows a form body and the URL exactly as the transport would encode them', async () => {
    const dir = await writeProject('telaio-dry-form-', {
      'api.yml': [
        'openapi: 3.1.0',
        'info: { title: form, version: 1.0.0 }',
        'servers: [{ url: "https://api.example.test/v1" }]',
        'paths:',
        '  /things/{name}:',
        '    post:',
        '      operationId: postForm',
        '      parameters:',
        '        - { name: name, in: path, required: true, schema: { type: string } }',
        '        - { name: tags, in: query, schema: { type: array, items: { type: string } }, explode: false }',
        '        - { name: filter, in: query, content: { application/json: { schema: { type: object } } } }',
        '      requestBody:',
        '        content:',
        '          application/x-www-form-urlencoded:',
        '            schema: { type: object }',
        '      responses:',
        '        "200": { description: ok }',
      ],
      'wf.yml': [
        'arazzo: 1.0.1',
        'info: { title: form, version: 1.0.0 }',
        'sourceDescriptions: [{ name: api, url: ./api.yml, type: openapi }]',
        'workflows:',
        '  - workflowId: form',
        '    steps:',
        '      - stepId: send',
        '        operationId: postForm',
        '        parameters:',
        '          - { name: name, in: path, value: "a b" }',
        '          - { name: tags, in: query, value: [x, "y z"] }',
        '          - { name: filter, in: query, value: { k: 1 } }',
        '        requestBody:',
        '          contentType: application/x-www-form-urlencoded',
        '          payload: { a: "x y&z", b: "é=1" }',
      ],
    });
    const r = await telaio(['run', 'wf.yml', '--dry-run'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'POST https://api.example.test/v1/things/a%20b?tags=x,y%20z&filter=%7B%22k%22%3A1%7D',
    );
    expect(r.stdout).toContain('content-type: application/x-www-form-urlencoded');
    expect(r.stdout).toContain('    a=x%20y%26z&b=%C3%A9%3D1\n');
    expect(r.stdout).not.toContain('"a":');
  });

  it('does not judge success criteria against placeholder answers: counted as met, and said so', async () => {
    const dir = await writeProject('telaio-dry-criteria-', {
      'api.yml': [
        'openapi: 3.1.0',
        'info: { title: rate, version: 1.0.0 }',
        'servers: [{ url: "https://api.example.test" }]',
        'paths:',
        '  /rate:',
        '    get:',
        '      operationId: getRate',
        '      responses:',
        '        "200": { description: ok }',
        '  /after:',
        '    get:',
        '      operationId: getAfter',
        '      responses:',
        '        "200": { description: ok }',
      ],
      'wf.yml': [
        'arazzo: 1.0.1',
        'info: { title: rate, version: 1.0.0 }',
        'sourceDescriptions: [{ name: api, url: ./api.yml, type: openapi }]',
        'workflows:',
        '  - workflowId: rate',
        '    steps:',
        '      - stepId: rate',
        '        operationId: getRate',
        '        successCriteria:',
        '          - condition: $statusCode == 200',
        '          - condition: $response.header.X-Rate == 42',
        '      - stepId: after',
        '        operationId: getAfter',
      ],
    });
    const r = await telaio(['run', 'wf.yml', '--dry-run'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('GET https://api.example.test/after');
    expect(r.stdout).toContain('not judged in a dry run: $response.header.X-Rate == 42');
    expect(r.stdout).not.toContain('not judged in a dry run: $statusCode');
    const json = await telaio(['run', 'wf.yml', '--dry-run', '-f', 'json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).notJudged).toEqual([
      { stepId: 'rate', condition: '$response.header.X-Rate == 42' },
    ]);
    const help = await telaio(['run', '--help']);
    expect(help.stdout).toMatch(/--dry-run[\s\S]*not judged/);
  });
});
