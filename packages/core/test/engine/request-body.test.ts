import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine, PRELUDE } from './helpers.js';

const ok = () => ({ status: 200, body: {} });
const INPUTS = `    inputs:
      type: object
      properties:
        id: { type: integer }
        order: { type: object }
        name: { type: string }
`;

describe('request bodies', () => {
  it('§Request Body Object payload: literals stay, whole expressions keep their JSON type, templates are rendered, nesting works', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
${INPUTS}    steps:
      - stepId: a
        operationId: addPet
        requestBody:
          contentType: application/json
          payload:
            petOrder:
              petId: $inputs.id
              label: 'pet-{$inputs.id}'
              status: placed
              complete: false
              detail: $inputs.order
              tags: [$inputs.name, fixed]
`,
    );
    await engine.run({ document: doc, inputs: { id: 7, order: { qty: 2 }, name: 'Rex' } });
    expect(transport.prepared[0]?.body).toEqual({
      contentType: 'application/json',
      value: {
        petOrder: {
          petId: 7,
          label: 'pet-7',
          status: 'placed',
          complete: false,
          detail: { qty: 2 },
          tags: ['Rex', 'fixed'],
        },
      },
    });
  });

  it("§Request Body Object a complete runtime expression payload, and contentType falling back to the operation's", async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
${INPUTS}    steps:
      - stepId: a
        operationId: addPet
        requestBody:
          payload: $inputs.order
`,
    );
    await engine.run({ document: doc, inputs: { order: { a: [1, 2] } } });
    expect(transport.prepared[0]?.body).toEqual({ contentType: 'application/json', value: { a: [1, 2] } });
  });

  it('§Payload Replacement Object JSON Pointer targets set values in a JSON payload (the document stays untouched)', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
${INPUTS}    steps:
      - stepId: a
        operationId: addPet
        requestBody:
          contentType: application/json
          payload: { petId: 0, quantity: 1, tags: [a], 'x/y': 0 }
          replacements:
            - { target: /petId, value: $inputs.id }
            - { target: /quantity, value: '10' }
            - { target: /tags/-, value: b }
            - { target: /x~1y, value: one }
`,
    );
    await engine.run({ document: doc, inputs: { id: 42 } });
    await engine.run({ document: doc, inputs: { id: 43 } });
    expect(transport.prepared[0]?.body?.value).toEqual({
      petId: 42,
      quantity: '10',
      tags: ['a', 'b'],
      'x/y': 'one',
    });
    expect(transport.prepared[1]?.body?.value).toEqual({
      petId: 43,
      quantity: '10',
      tags: ['a', 'b'],
      'x/y': 'one',
    });
  });

  it('§Payload Replacement Object XPath targets set element text and attributes in an XML payload; templates render in XML', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
${INPUTS}    steps:
      - stepId: a
        operationId: placeOrder
        requestBody:
          contentType: application/xml
          payload: |
            <petOrder id="0"><petId>{$inputs.id}</petId><quantity>1</quantity><name/></petOrder>
          replacements:
            - { target: /petOrder/quantity, value: '5' }
            - { target: /petOrder/@id, value: $inputs.name }
            - { target: //name, value: $inputs.name }
`,
    );
    await engine.run({ document: doc, inputs: { id: 9, name: 'Rex' } });
    const xml = String(transport.prepared[0]?.body?.value);
    expect(xml).toContain(
      '<petOrder id="Rex"><petId>9</petId><quantity>5</quantity><name>Rex</name></petOrder>',
    );
    expect(transport.prepared[0]?.body?.contentType).toBe('application/xml');
  });

  it('§Request Body Object a templated JSON string payload is rendered as text', async () => {
    const { engine, transport } = memoryEngine(ok);
    const doc = await loadInline(
      engine,
      `${PRELUDE}workflows:
  - workflowId: w
${INPUTS}    steps:
      - stepId: a
        operationId: addPet
        requestBody:
          contentType: application/json
          payload: '{"petId": "{$inputs.id}", "status": "placed"}'
`,
    );
    await engine.run({ document: doc, inputs: { id: 5 } });
    expect(transport.prepared[0]?.body?.value).toBe('{"petId": "5", "status": "placed"}');
  });
});
