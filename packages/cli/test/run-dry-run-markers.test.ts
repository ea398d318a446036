/**
 * A dry run shows every gap: a value it could not resolve appears in the printed request as a
 * visible marker naming the expression and why, encoded as a real value would be; each step line
 * says how many; the run ends with its own outcome and a list, not a plain "succeeded".
 */
import { describe, expect, it } from 'vitest';
import { corpusPath, itCorpus } from '../../../test/support/shared-corpus.js';
import { telaio } from './fixtures/run/fixture-server.js';
import { writeProject } from './support/run.js';

const OPENAPI = `openapi: 3.0.3
info: { title: gaps, version: '1' }
servers: [{ url: 'https://api.example.test' }]
paths:
  /sessions:
    post:
      operationId: startSession
      responses:
        '204': { description: started, no body }
  /users/{id}:
    get:
      operationId: getUser
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: q, in: query, schema: { type: string } }
      responses:
        '200':
          description: the user
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } } }
`;

const ARAZZO = `arazzo: 1.0.1
info: { title: gaps, version: '1' }
sourceDescriptions: [{ name: api, url: ./api.yaml, type: openapi }]
workflows:
  - workflowId: gaps
    steps:
      - stepId: start
        operationId: startSession
        outputs:
          token: $response.body#/token
      - stepId: user
        operationId: getUser
        parameters:
          - { name: id, in: path, value: $steps.start.outputs.token }
          - { name: q, in: query, value: $steps.start.outputs.token }
        outputs:
          id: $response.body#/id
      - stepId: again
        operationId: getUser
        parameters:
          - { name: id, in: path, value: $steps.user.outputs.id }
        outputs:
          id: $response.body#/id
    outputs:
      id: $steps.again.outputs.id
`;

describe('telaio run --dry-run shows every gap (Arazzo §4.6.13 runtime expressions in a dry run)', () => {
  it('pretty: markers in the path and query, encoded like values; a count per step; its own outcome and a list', async () => {
    const dir = await writeProject('telaio-gaps-', { 'api.yaml': OPENAPI, 'gaps.arazzo.yaml': ARAZZO });
    const r = await telaio(['run', 'gaps.arazzo.yaml', '--dry-run'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const marker = encodeURIComponent('<unresolved $response.body#/token: the message has no body>');
    expect(r.stdout).toContain(`GET https://api.example.test/users/${marker}?q=${marker}`);
    // The gap is counted where it happened: start's output read a body the response does not have.
    expect(r.stderr).toMatch(/✓ start {2}POST \/sessions {2}204 {2}\d+ ms {2}1 unresolved\n/);
    expect(r.stderr).toMatch(/✓ user {2}GET \/users\/%3Cunresolved[^\n]*\d+ ms\n/);
    // A placeholder of a made-up answer holds `#`: encoded, never a cut path.
    expect(r.stdout).toContain(
      `GET https://api.example.test/users/${encodeURIComponent('<user:$response.body#/id>')}`,
    );
    expect(r.stdout).toMatch(
      /! dry run: gaps complete with 1 unresolved value: 3 requests resolved, none sent/,
    );
    expect(r.stdout).toContain('? start  $response.body#/token: the message has no body');
    expect(r.stdout).not.toMatch(/succeeded/);
  });

  it('json: the outcome and every unresolved value, status still success', async () => {
    const dir = await writeProject('telaio-gaps-', { 'api.yaml': OPENAPI, 'gaps.arazzo.yaml': ARAZZO });
    const r = await telaio(['run', 'gaps.arazzo.yaml', '--dry-run', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout);
    expect(report.status).toBe('success');
    expect(report.outcome).toBe('dry-run-with-gaps');
    expect(
      report.unresolved.map((u: { stepId?: string; expression: string }) => [u.stepId, u.expression]),
    ).toEqual([['start', '$response.body#/token']]);
  });

  itCorpus('the OAI oauth example: code= and refresh_token= show their markers', async () => {
    const file = corpusPath('reference', 'oai-examples', 'oauth.arazzo.yaml');
    const code = await telaio(['run', file, '-w', 'authorization-code-flow', '--dry-run']);
    expect(code.code, code.stderr).toBe(0);
    expect(code.stdout).toContain(
      `code=${encodeURIComponent('<unresolved $response.body#/code: the message has no body>')}`,
    );
    expect(code.stdout).toMatch(/! dry run: authorization-code-flow complete with \d+ unresolved values/);
    const refresh = await telaio(['run', file, '-w', 'refresh-token-flow', '--dry-run']);
    expect(refresh.code, refresh.stderr).toBe(0);
    expect(refresh.stdout).toMatch(/refresh_token=(%3Cunresolved|\[REDACTED\])/);
    expect(refresh.stdout).toMatch(/unresolved values?: \d+ requests? resolved/);
  });
});
