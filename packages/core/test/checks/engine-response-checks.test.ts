/**
 * Response checks inside the engine's attempt (issue 15 pt 2): Arazzo 1.0.1 §Step Object
 * successCriteria / onFailure, with the OpenAPI response as one more assertion. Real node:http
 * server on 127.0.0.1, real got transport.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createResponseChecker } from '@telaio/core';
import { createHttpTransport } from '@telaio/http-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const OPENAPI = `openapi: 3.0.3
info: {title: pets, version: '1'}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [id]
                properties:
                  id: {type: integer}
`;

const ARAZZO = `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions:
  - {name: pets, url: ./pets.yaml, type: openapi}
workflows:
  - workflowId: recover
    steps:
      - stepId: bad
        operationId: getPet
        parameters: [{name: id, in: path, value: bad}]
        successCriteria: [{condition: $statusCode == 200}]
        onFailure:
          - {name: fallback, type: goto, stepId: good}
      - stepId: unreachable
        operationId: getPet
        parameters: [{name: id, in: path, value: good}]
      - stepId: good
        operationId: getPet
        parameters: [{name: id, in: path, value: good}]
  - workflowId: plain
    steps:
      - stepId: bad
        operationId: getPet
        parameters: [{name: id, in: path, value: bad}]
        successCriteria: [{condition: $statusCode == 200}]
`;

let server: Server;
let dir = '';
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: req.url === '/pets/bad' ? 'not-a-number' : 7 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'telaio-engine-checks-'));
  await writeFile(join(dir, 'pets.yaml'), OPENAPI);
  await writeFile(join(dir, 'flow.arazzo.yaml'), ARAZZO);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function engineWith(severity: 'error' | 'warn' | undefined) {
  return createEngine({
    transport: createHttpTransport(),
    servers: { pets: base },
    ...(severity === undefined
      ? {}
      : { responseChecks: createResponseChecker({ severities: { schema: severity } }) }),
  });
}

describe('§Step Object: a failed response check counts as an unmet assertion', () => {
  it('fails the step with response-check-failed, naming the check, pointer and OpenAPI line', async () => {
    const engine = engineWith('error');
    const document = await engine.load(join(dir, 'flow.arazzo.yaml'));
    const result = await engine.run({ document, workflowId: 'plain' });
    expect(result.status).toBe('failure');
    expect(result.error?.code).toBe('response-check-failed');
    expect(result.error?.message).toBe(
      `SCHEMA_CHECK: /id must be integer (got string) (${join(dir, 'pets.yaml')}:17)`,
    );
    expect(
      result.steps[0]?.checks?.map((c) => [c.check, c.instancePointer, c.keyword, c.location?.line]),
    ).toEqual([['schema', '/id', 'type', 17]]);
  });

  it('triggers the step onFailure actions: goto recovers and the workflow succeeds', async () => {
    const engine = engineWith('error');
    const document = await engine.load(join(dir, 'flow.arazzo.yaml'));
    const result = await engine.run({ document, workflowId: 'recover' });
    expect(result.status).toBe('success');
    expect(result.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['bad', 'failure'],
      ['good', 'success'],
      ['unreachable', 'skipped'],
    ]);
  });

  it('a warn check keeps the step successful and records the finding', async () => {
    const engine = engineWith('warn');
    const document = await engine.load(join(dir, 'flow.arazzo.yaml'));
    const result = await engine.run({ document, workflowId: 'plain' });
    expect(result.status).toBe('success');
    expect(result.steps[0]?.checks?.[0]).toMatchObject({ check: 'schema', severity: 'warn' });
  });

  it('without responseChecks the engine judges successCriteria only', async () => {
    const engine = engineWith(undefined);
    const document = await engine.load(join(dir, 'flow.arazzo.yaml'));
    const result = await engine.run({ document, workflowId: 'plain' });
    expect(result.status).toBe('success');
    expect(result.steps[0]?.checks).toBeUndefined();
  });
});
