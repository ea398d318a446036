import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine } from './helpers.js';

// 1.1.0 §Failure Action Object / §Success Action Object `parameters`: "A list of parameters that
// MUST be passed to a workflow as referenced by workflowId", evaluated where the step ended.

const DOC = `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
components:
  parameters:
    who: { name: user, value: from-component }
workflows:
  - workflowId: w
    steps:
      - stepId: list
        operationId: listPets
        successCriteria: [{ condition: $statusCode == 200 }]
        onFailure:
          - name: relogin
            type: retry
            workflowId: login
            retryLimit: 1
            parameters:
              - { name: hint, value: $response.body#/hint }
              - { reference: $components.parameters.who }
  - workflowId: login
    inputs:
      type: object
      properties: { hint: { type: string }, user: { type: string } }
      required: [hint, user]
    steps:
      - stepId: call
        operationId: login
        requestBody: { payload: { hint: $inputs.hint, user: $inputs.user } }
`;

describe('1.1.0 §Failure Action Object parameters', () => {
  it('§Failure Action Object parameters: a retry naming a workflowId passes them (read from the failed response, and a Reusable Object) as its inputs, then retries', async () => {
    let lists = 0;
    const { engine, transport } = memoryEngine((req) => {
      if (req.operation.operationId === 'login') return { status: 200, body: {} };
      lists += 1;
      return lists === 1 ? { status: 401, body: { hint: 'expired' } } : { status: 200, body: [] };
    });
    const document = await loadInline(engine, DOC);
    const result = await engine.run({ document, workflowId: 'w' });
    expect(result.status).toBe('success');
    expect(transport.sent.map((s) => `${s.method} ${new URL(s.url).pathname}`)).toEqual([
      'GET /v1/pets',
      'POST /v1/login',
      'GET /v1/pets',
    ]);
    expect(transport.prepared[1]?.body?.value).toEqual({ hint: 'expired', user: 'from-component' });
    expect(result.steps.find((s) => s.stepId === 'list')).toMatchObject({ status: 'success', attempts: 2 });
  });
});
