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

/**
 * Runs workflow `w`, one step `a` calling `operationId` with `requestBody` (YAML indented 8), once
 * for each of `runs`' inputs; returns the requests prepared, in order.
 */
async function sendBody(operationId: string, requestBody: string, ...runs: Record<string, unknown>[]) {
  const { engine, transport } = memoryEngine(ok);
  const doc = await loadInline(
    engine,
    `${PRELUDE}workflows:
  - workflowId: w
${INPUTS}    steps:
      - stepId: a
        operationId: ${operationId}
        requestBody:
${requestBody}`,
  );
  for (const inputs of runs) await engine.run({ document: doc, inputs });
  return transport.prepared;
}

describe('request bodies', () => {
  it.each<[string, string, Record<string, unknown>, unknown]>([
    [
      '§Request Body Object payload: literals stay, whole expressions keep their JSON type, templates are rendered, nesting works',
      `          contentType: application/json
          payload:
            petOrder:
              petId: $inputs.id
              label: 'pet-{$inputs.id}'
              status: placed
              complete: false
              detail: $inputs.order
              tags: [$inputs.name, fixed]
`,
      { id: 7, order: { qty: 2 }, name: 'Rex' },
      {
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
      },
    ],
    [
      "§Request Body Object a complete runtime expression payload, and contentType falling back to the operation's",
      `          payload: $inputs.order
`,
      { order: { a: [1, 2] } },
      { contentType: 'application/json', value: { a: [1, 2] } },
    ],
  ])('%s', async (_title, requestBody, inputs, body) => {
    const prepared = await sendBody('addPet', requestBody, inputs);
    expect(prepared[0]?.body).toEqual(body);
  });

  it('§Payload Replacement Object JSON Pointer targets set values in a JSON payload (the document stays untouched)', async () => {
    const prepared = await sendBody(
      'addPet',
      `          contentType: application/json
          payload: { petId: 0, quantity: 1, tags: [a], 'x/y': 0 }
          replacements:
            - { target: /petId, value: $inputs.id }
            - { target: /quantity, value: '10' }
            - { target: /tags/-, value: b }
            - { target: /x~1y, value: one }
`,
      { id: 42 },
      { id: 43 },
    );
    expect(prepared[0]?.body?.value).toEqual({
      petId: 42,
      quantity: '10',
      tags: ['a', 'b'],
      'x/y': 'one',
    });
    expect(prepared[1]?.body?.value).toEqual({
      petId: 43,
      quantity: '10',
      tags: ['a', 'b'],
      'x/y': 'one',
    });
  });

  it('§Payload Replacement Object XPath targets set element text and attributes in an XML payload; templates render in XML', async () => {
    const prepared = await sendBody(
      'placeOrder',
      `          contentType: application/xml
          payload: |
            <petOrder id="0"><petId>{$inputs.id}</petId><quantity>1</quantity><name/></petOrder>
          replacements:
            - { target: /petOrder/quantity, value: '5' }
            - { target: /petOrder/@id, value: $inputs.name }
            - { target: //name, value: $inputs.name }
`,
      { id: 9, name: 'Rex' },
    );
    const xml = String(prepared[0]?.body?.value);
    expect(xml).toContain(
      '<petOrder id="Rex"><petId>9</petId><quantity>5</quantity><name>Rex</name></petOrder>',
    );
    expect(prepared[0]?.body?.contentType).toBe('application/xml');
  });

  it('§Request Body Object a templated JSON string payload is rendered as text', async () => {
    const prepared = await sendBody(
      'addPet',
      `          contentType: application/json
          payload: '{"petId": "{$inputs.id}", "status": "placed"}'
`,
      { id: 5 },
    );
    expect(prepared[0]?.body?.value).toBe('{"petId": "5", "status": "placed"}');
  });
});
