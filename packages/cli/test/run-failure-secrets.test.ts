/**
 * A failure report quotes the API's error (criteria-failed excerpt); when that error echoes a
 * secret seen earlier in the run (a password input, a session token from a response), every
 * output format masks it, and the excerpt still says why the API refused.
 */

import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telaio } from './fixtures/run/fixture-server.js';

const PASSWORD = 'echoed-password-5c1d2e';
const SESSION = 'echo-session-tok-7a6b5c4d3e';

const OPENAPI = `openapi: 3.0.3
info: { title: echo, version: 1.0.0 }
servers: [{ url: http://127.0.0.1:9/unused }]
paths:
  /login:
    post:
      operationId: login
      requestBody:
        content: { application/json: { schema: { type: object } } }
      responses: { '200': { description: ok } }
  /check-json:
    get:
      operationId: checkJson
      parameters: [{ name: X-Session, in: header, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /check-text:
    get:
      operationId: checkText
      parameters: [{ name: X-Session, in: header, schema: { type: string } }]
      responses: { '200': { description: ok } }
`;

const workflow = (id: string, operationId: string): string => `  - workflowId: ${id}
    inputs: { type: object, properties: { password: { type: string } } }
    steps:
      - stepId: login
        operationId: login
        requestBody: { contentType: application/json, payload: { password: $inputs.password } }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { sessionToken: $response.body#/session_token }
      - stepId: check
        operationId: ${operationId}
        parameters: [{ name: X-Session, in: header, value: $steps.login.outputs.sessionToken }]
        successCriteria: [{ condition: $statusCode == 200 }]
`;

const ARAZZO = `arazzo: 1.0.1
info: { title: echo, version: 1.0.0 }
sourceDescriptions: [{ name: echo, url: ./echo-openapi.yml, type: openapi }]
workflows:
${workflow('json-echo', 'checkJson')}${workflow('text-echo', 'checkText')}`;

let server: Server;
let url: string;
let file: string;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'telaio-failure-secrets-'));
  await writeFile(join(dir, 'echo-openapi.yml'), OPENAPI);
  file = join(dir, 'echo.arazzo.yml');
  await writeFile(file, ARAZZO);
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const said = `session ${req.headers['x-session']} is not valid for password ${PASSWORD}`;
      if (req.url === '/login') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ session_token: SESSION }));
      } else if (req.url === '/check-json') {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error_type: 'session_invalid', error_message: said }));
      } else {
        res.writeHead(401, { 'content-type': 'text/plain' });
        res.end(`session_invalid: ${said}`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const run = (workflowId: string, format: string, extra: string[] = []) =>
  telaio([
    'run',
    file,
    '-w',
    workflowId,
    '--input',
    `password=${PASSWORD}`,
    '-f',
    format,
    '--server',
    `echo=${url}`,
    ...extra,
  ]);

describe('telaio run: a failure excerpt that echoes a secret is masked', () => {
  for (const workflowId of ['json-echo', 'text-echo'])
    for (const format of ['pretty', 'json', 'junit'])
      it(`${workflowId}, ${format}: the reason is shown, the token and password are not`, async () => {
        const r = await run(workflowId, format);
        expect(r.code).toBe(1);
        const text = r.stdout + r.stderr;
        expect(text).toContain("successCriteria of step 'check' not met: '$statusCode == 200' is false");
        expect(text).toMatch(
          /status 401: session_invalid: session \[REDACTED\] is not valid for password \[REDACTED\]/,
        );
        expect(text).not.toContain(SESSION);
        expect(text).not.toContain(PASSWORD);
        if (format === 'json') {
          const error = JSON.parse(r.stdout).error;
          expect(error.failedCriterion).toEqual({ condition: '$statusCode == 200', type: 'simple' });
          expect(error.response.statusCode).toBe(401);
          expect(error.response.excerpt).toMatch(/^session_invalid: session \[REDACTED\]/);
        }
        if (format === 'junit')
          expect(r.stdout).toMatch(/<failure type="criteria-failed" message="[^"]*session_invalid/);
      });

  it('with --reveal-secrets the excerpt shows them (the search above can fail)', async () => {
    const r = await run('json-echo', 'json', ['--reveal-secrets']);
    expect(JSON.parse(r.stdout).error.response.excerpt).toBe(
      `session_invalid: session ${SESSION} is not valid for password ${PASSWORD}`,
    );
  });
});
