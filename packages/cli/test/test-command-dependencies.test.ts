/**
 * `telaio test` (issue 15) and dependsOn: a workflow that others depend on runs once per session.
 * Its result is handed to its dependants' runs, so a non-idempotent call (creating a TOTP) is not
 * repeated inside each dependant, and `$workflows.<id>.outputs` reads that one run's outputs.
 * Real HTTP: a node:http server on 127.0.0.1 that records every request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { telaio } from './fixtures/run/fixture-server.js';
import { writeProject } from './support/run.js';

const OPENAPI = `openapi: 3.1.0
info: { title: Totps, version: '1.0' }
servers: [{ url: http://localhost:8089 }]
paths:
  /totps:
    post:
      operationId: createTotp
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: { type: object, required: [totpId], properties: { totpId: { type: string } } }
  /totps/{totpId}:
    get:
      operationId: getTotp
      parameters: [{ name: totpId, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: found
          content:
            application/json:
              schema: { type: object, properties: { totpId: { type: string } } }
`;

const dependant = (id: string) => `  - workflowId: ${id}
    dependsOn: [createTotp]
    steps:
      - stepId: read
        operationId: getTotp
        parameters: [{ name: totpId, in: path, value: $workflows.createTotp.outputs.totpId }]
        successCriteria: [{ condition: $statusCode == 200 }]
    outputs: { totpId: $workflows.createTotp.outputs.totpId }
`;

const ARAZZO = `arazzo: 1.0.1
info: { title: TOTP suite, version: 1.0.0 }
sourceDescriptions: [{ name: totps, url: ./totps.openapi.yaml, type: openapi }]
workflows:
${dependant('verifyA')}  - workflowId: createTotp
    steps:
      - stepId: create
        operationId: createTotp
        successCriteria: [{ condition: $statusCode == 201 }]
        outputs: { totpId: $response.body#/totpId }
    outputs: { totpId: $steps.create.outputs.totpId }
${dependant('verifyB')}`;

interface Report {
  files: { workflows: { workflowId: string; status: string; outputs: Record<string, unknown> }[] }[];
}

describe('telaio test: dependsOn workflows run once per session', () => {
  let server: Server;
  let url = '';
  let dir = '';
  const seen: string[] = [];
  let createStatus = 201;
  beforeAll(async () => {
    dir = await writeProject('telaio-test-deps-', {
      'totps.openapi.yaml': OPENAPI,
      'suite.arazzo.yaml': ARAZZO,
    });
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push(`${req.method} ${req.url}`);
        const create = req.method === 'POST';
        const totpId = create ? `totp-${seen.length}` : req.url?.slice('/totps/'.length);
        res.writeHead(create ? createStatus : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ totpId }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
    createStatus = 201;
  });
  const run = () => telaio(['test', dir, '--server', `totps=${url}`, '--jobs', '2', '--format', 'json']);

  it('§Workflow Object dependsOn: two dependants of one workflow: its operation is called exactly once and both read its outputs', async () => {
    const result = await run();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(seen.filter((r) => r === 'POST /totps')).toHaveLength(1);
    expect(seen).toEqual(['POST /totps', 'GET /totps/totp-1', 'GET /totps/totp-1']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files[0]?.workflows.map((w) => [w.workflowId, w.status, w.outputs])).toEqual([
      ['verifyA', 'passed', { totpId: 'totp-1' }],
      ['createTotp', 'passed', { totpId: 'totp-1' }],
      ['verifyB', 'passed', { totpId: 'totp-1' }],
    ]);
  });

  it('§Workflow Object dependsOn: a failed dependency is called once and its dependants are skipped, not re-sent', async () => {
    createStatus = 500;
    const result = await run();
    expect(result.code).toBe(1);
    expect(seen).toEqual(['POST /totps']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files[0]?.workflows.map((w) => [w.workflowId, w.status])).toEqual([
      ['verifyA', 'skipped'],
      ['createTotp', 'failed'],
      ['verifyB', 'skipped'],
    ]);
  });
});
