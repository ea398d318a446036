// The 2-step workflow the cold-run benches time (bench/run.js alone, bench/compare-run.js next to
// `redocly respect`): login (POST /login, its token and petId as outputs) then getPet (GET /pets/{id}
// with the token in a header), and the loopback server that answers both. One copy, so both benches
// measure the same workflow against the same server.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJsonServer } from './start-json-server.js';

/**
 * Starts the server and writes api.yml and flow.arazzo.yml into a new temporary folder.
 * @returns {Promise<{ server: import('node:http').Server, base: string, dir: string, flow: string }>}
 */
export async function startTwoStepWorkflow() {
  const { server, base } = await startJsonServer((url) =>
    url.startsWith('/pets/') ? '{"id":7,"name":"rex"}' : '{"token":"t-123","petId":7}',
  );
  const dir = await mkdtemp(join(tmpdir(), 'telaio-bench-run-'));
  await writeFile(
    join(dir, 'api.yml'),
    `openapi: 3.0.3
info: { title: bench, version: '1' }
servers: [{ url: 'http://127.0.0.1:9' }]
paths:
  /login:
    post:
      operationId: login
      requestBody: { content: { application/json: { schema: { type: object } } } }
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { token: { type: string }, petId: { type: integer } } } } } } }
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }, { name: X-Token, in: header, schema: { type: string } }]
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer }, name: { type: string } } } } } } }
`,
  );
  const flow = join(dir, 'flow.arazzo.yml');
  await writeFile(
    flow,
    `arazzo: 1.0.1
info: { title: bench, version: '1' }
sourceDescriptions: [{ name: api, url: ./api.yml, type: openapi }]
workflows:
  - workflowId: two-steps
    inputs: { type: object, required: [user], properties: { user: { type: string } } }
    steps:
      - stepId: login
        operationId: login
        requestBody: { contentType: application/json, payload: { user: $inputs.user } }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { token: $response.body#/token, petId: $response.body#/petId }
      - stepId: getPet
        operationId: getPet
        parameters:
          - { name: id, in: path, value: $steps.login.outputs.petId }
          - { name: X-Token, in: header, value: $steps.login.outputs.token }
        successCriteria: [{ condition: $statusCode == 200 }]
        outputs: { name: $response.body#/name }
    outputs: { name: $steps.getPet.outputs.name }
`,
  );
  return { server, base, dir, flow };
}
