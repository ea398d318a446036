import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const ok = () => ({ status: 200, body: [] });

describe('parameters', () => {
  it('§Workflow Object parameters apply to every step; §Step Object a step parameter overrides one with the same name+in but never removes the others', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    parameters:
      - { name: Authorization, in: header, value: wf-token }
      - { name: X-Trace, in: header, value: wf-trace }
      - { name: status, in: query, value: sold }
    steps:
      - stepId: a
        operationId: listPets
      - stepId: b
        operationId: listPets
        parameters:
          - { name: authorization, in: header, value: step-token }
          - { name: status, in: query, value: pending }
`,
    );
    const result = await engine.run({ document: doc });
    expect(result.status).toBe('success');
    const [a, b] = transport.sent;
    expect(a?.headers.authorization).toBe('wf-token');
    expect(a?.url).toContain('status=sold');
    expect(b?.headers.authorization).toBe('step-token');
    expect(b?.headers['x-trace']).toBe('wf-trace');
    expect(b?.url).toContain('status=pending');
    expect(b?.url).not.toContain('sold');
  });

  it('§Reusable Object a $components.parameters reference takes the component, with `value` overriding its value', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}components:
  parameters:
    limit: { name: limit, in: query, value: 10 }
    trace: { name: X-Trace, in: header, value: $inputs.trace }
workflows:
  - workflowId: w
    inputs: { type: object, properties: { trace: { type: string } } }
    steps:
      - stepId: a
        operationId: listPets
        parameters:
          - reference: $components.parameters.limit
            value: 25
          - reference: $components.parameters.trace
`,
    );
    await engine.run({ document: doc, inputs: { trace: 'tr-9' } });
    expect(transport.sent[0]?.url).toContain('limit=25');
    expect(transport.sent[0]?.headers['x-trace']).toBe('tr-9');
  });

  it('§Parameter Object path, query, header and cookie values reach the request; whole expressions keep their type', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
    inputs: { type: object, properties: { id: { type: string }, n: { type: integer } } }
    steps:
      - stepId: a
        operationId: getPet
        parameters:
          - { name: petId, in: path, value: $inputs.id }
      - stepId: b
        operationId: listPets
        parameters:
          - { name: limit, in: query, value: $inputs.n }
          - { name: session, in: cookie, value: 'c-{$inputs.n}' }
`,
    );
    await engine.run({ document: doc, inputs: { id: 'p/1', n: 3 } });
    expect(transport.sent[0]?.url).toBe('https://pets.example.test/v1/pets/p%2F1');
    const limit = transport.prepared[1]?.parameters.find((p) => p.name === 'limit');
    expect(limit?.value).toBe(3);
    expect(transport.prepared[1]?.parameters.find((p) => p.name === 'session')?.value).toBe('c-3');
    expect(transport.sent[1]?.headers.cookie).toBe('session=c-3');
  });
});
