/**
 * `RunOptions.completed`: a caller that already ran a workflow (one `telaio test` session) hands
 * its result to later runs, so a `dependsOn` naming it is not sent again. Real HTTP: the engine
 * over @telaio/http-adapter against a node:http server on 127.0.0.1 that counts each request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine, type Engine } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadInline, PRELUDE } from './helpers.js';

const DOC = `${PRELUDE}workflows:
  - workflowId: createTotp
    steps:
      - stepId: create
        operationId: login
        requestBody: { payload: { user: ann } }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { token: $response.body#/token }
    outputs: { token: $steps.create.outputs.token }
  - workflowId: listWithTotp
    dependsOn: [createTotp]
    steps:
      - stepId: list
        operationId: listPets
        parameters: [{ name: Authorization, in: header, value: $workflows.createTotp.outputs.token }]
        successCriteria: [{ condition: $statusCode == 200 }]
    outputs: { token: $workflows.createTotp.outputs.token }
`;

describe('RunOptions.completed: dependsOn workflows that ran before this run', () => {
  let server: Server;
  let baseUrl = '';
  const seen: string[] = [];
  let loginStatus = 200;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`.trim());
        const login = req.url === '/v1/login';
        res.writeHead(login ? loginStatus : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(login ? { token: `tok-${seen.length}` } : []));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
    loginStatus = 200;
  });
  const engineOver = (): Engine =>
    createEngine({ transport: createHttpTransport(), cache: false, servers: { pets: baseUrl } });

  it('§Workflow Object dependsOn: a completed dependency is not sent again and $workflows reads its outputs', async () => {
    const engine = engineOver();
    const doc = await loadInline(engine, DOC);
    const first = await engine.run({ document: doc, workflowId: 'createTotp' });
    expect(first.outputs).toEqual({ token: 'tok-1' });
    const completed = new Map([['createTotp', first]]);
    const a = await engine.run({ document: doc, workflowId: 'listWithTotp', completed });
    const b = await engine.run({ document: doc, workflowId: 'listWithTotp', completed });
    expect(seen).toEqual(['POST /v1/login', 'GET /v1/pets tok-1', 'GET /v1/pets tok-1']);
    expect([a.status, b.status]).toEqual(['success', 'success']);
    expect(a.outputs).toEqual({ token: 'tok-1' });
    expect(a.steps.map((s) => `${s.workflowId}/${s.stepId}`)).toEqual(['listWithTotp/list']);
  });

  it('§Workflow Object dependsOn: the key <document uri>#<workflowId> names the same workflow', async () => {
    const engine = engineOver();
    const doc = await loadInline(engine, DOC);
    const completed = new Map([
      [`${doc.uri}#createTotp`, { status: 'success' as const, outputs: { token: 'given' } }],
    ]);
    const result = await engine.run({ document: doc, workflowId: 'listWithTotp', completed });
    expect(result.status).toBe('success');
    expect(seen).toEqual(['GET /v1/pets given']);
  });

  it('§Workflow Object dependsOn: a failed completed dependency fails the dependant with dependency-failed, nothing sent', async () => {
    const engine = engineOver();
    const doc = await loadInline(engine, DOC);
    loginStatus = 500;
    const first = await engine.run({ document: doc, workflowId: 'createTotp' });
    expect(first.status).toBe('failure');
    const result = await engine.run({
      document: doc,
      workflowId: 'listWithTotp',
      completed: new Map([['createTotp', first]]),
    });
    expect(result.status).toBe('failure');
    expect(result.error?.code).toBe('dependency-failed');
    expect(result.error?.message).toContain("dependsOn workflow 'createTotp' failed");
    expect(seen).toEqual(['POST /v1/login']);
  });

  it('§Workflow Object dependsOn: without completed results the engine runs the dependency itself, once per run', async () => {
    const engine = engineOver();
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc, workflowId: 'listWithTotp', completed: new Map() });
    expect(result.status).toBe('success');
    expect(seen).toEqual(['POST /v1/login', 'GET /v1/pets tok-1']);
  });
});
