import { TelaioError } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine } from './helpers.js';

// 1.1.0 §Payload Replacement Object `targetSelectorType`: the target read as JSONPath (RFC 9535 or
// draft-goessner), XPath (3.1 family or 1.0) or JSON Pointer, by name or by Expression Type Object,
// applied to the request body; a type that cannot apply to the payload refuses the document.

const PRELUDE11 = `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
`;

const stepWith = (body: string) => `${PRELUDE11}workflows:
  - workflowId: w
    inputs: { type: object, properties: { inventory: { type: object }, xml: { type: string } } }
    steps:
      - stepId: a
        operationId: addPet
        requestBody:
${body}`;

const sentBody = async (text: string, inputs: Record<string, unknown> = {}) => {
  const { engine, transport } = memoryEngine(() => ({ status: 201 }));
  const doc = await loadInline(engine, text);
  const result = await engine.run({ document: doc, workflowId: 'w', inputs });
  expect(result.error).toBeUndefined();
  return transport.prepared[0]?.body?.value;
};

const ITEMS = `          contentType: application/json
          payload:
            items:
              - { sku: ABC123, quantity: 1 }
              - { sku: XYZ, quantity: 2 }
              - { sku: ABC123, quantity: 3 }
`;

const refusal = async (text: string) => {
  const { engine, transport } = memoryEngine(() => ({ status: 201 }));
  const error = await loadInline(engine, text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TelaioError);
  expect(transport.sent).toHaveLength(0);
  return ((error as TelaioError).details?.diagnostics ?? []) as {
    code: string;
    message: string;
    pointer: string;
    range: { start: { line: number; column: number } };
  }[];
};

describe('1.1.0 §Payload Replacement Object targetSelectorType', () => {
  it('§Payload Replacement Object: a jsonpath target (the spec example, RFC 9535) sets the value at every location it selects; the value is a Selector Object', async () => {
    const body = await sentBody(
      stepWith(`${ITEMS}          replacements:
            - target: $.items[?(@.sku=='ABC123')].quantity
              targetSelectorType: jsonpath
              value: { context: $inputs.inventory, selector: $.newQuantity, type: jsonpath }
`),
      { inventory: { newQuantity: 9 } },
    );
    expect(body).toEqual({
      items: [
        { sku: 'ABC123', quantity: 9 },
        { sku: 'XYZ', quantity: 2 },
        { sku: 'ABC123', quantity: 9 },
      ],
    });
  });

  it('§Expression Type Object: a draft-goessner jsonpath target, and an explicit rfc6901 jsonpointer one', async () => {
    const body = await sentBody(
      stepWith(`${ITEMS}          replacements:
            - target: $.items[?(@.sku === 'XYZ')].quantity
              targetSelectorType: { type: jsonpath, version: draft-goessner-dispatch-jsonpath-00 }
              value: 7
            - target: /items/0/sku
              targetSelectorType: { type: jsonpointer, version: rfc6901 }
              value: NEW
`),
    );
    expect(body).toEqual({
      items: [
        { sku: 'NEW', quantity: 1 },
        { sku: 'XYZ', quantity: 7 },
        { sku: 'ABC123', quantity: 3 },
      ],
    });
  });

  it('§Payload Replacement Object: an xpath target with an xpath-30 Expression Type Object (the spec example), and one read by XPath 1.0', async () => {
    const body = await sentBody(
      stepWith(`          contentType: application/xml
          payload: '<Envelope><Header><CustomerId>old</CustomerId><Region>eu</Region></Header></Envelope>'
          replacements:
            - target: /Envelope/Header/CustomerId
              targetSelectorType: { type: xpath, version: xpath-30 }
              value:
                context: $inputs.xml
                selector: /CustomerInfo/Id
                type: { type: xpath, version: xpath-30 }
            - target: //Region
              targetSelectorType: { type: xpath, version: xpath-10 }
              value: us
`),
      { xml: '<CustomerInfo><Id>C-42</Id></CustomerInfo>' },
    );
    expect(body).toBe(
      '<Envelope><Header><CustomerId>C-42</CustomerId><Region>us</Region></Header></Envelope>',
    );
  });

  it('§Payload Replacement Object: a jsonpath target that selects nothing changes nothing (a missing value, not an invented member)', async () => {
    const body = await sentBody(
      stepWith(`${ITEMS}          replacements:
            - { target: "$.items[?@.sku=='none'].quantity", targetSelectorType: jsonpath, value: 0 }
`),
    );
    expect(body).toMatchObject({ items: [{ quantity: 1 }, { quantity: 2 }, { quantity: 3 }] });
  });

  it('§Payload Replacement Object: an xpath target on a JSON payload cannot be resolved against it: the document is refused at the targetSelectorType (line:column)', async () => {
    const found = await refusal(
      stepWith(`${ITEMS}          replacements:
            - target: /items/0/quantity
              targetSelectorType: xpath
              value: 1
`),
    );
    const mismatch = found.find((d) => d.code === 'selector-invalid');
    expect(mismatch?.message).toMatch(/a xpath target cannot be resolved against a JSON payload/);
    expect(mismatch?.pointer).toBe('/workflows/0/steps/0/requestBody/replacements/0/targetSelectorType');
    expect(mismatch?.range.start).toMatchObject({ line: 20, column: 35 });
  });

  it('§Payload Replacement Object: jsonpath on an XML payload, and a target that does not compile as its type, are refused', async () => {
    const xml = await refusal(
      stepWith(`          contentType: application/xml
          payload: '<a><b>1</b></a>'
          replacements:
            - { target: /a/b, targetSelectorType: jsonpath, value: 2 }
`),
    );
    expect(xml.map((d) => d.code)).toContain('selector-invalid');
    const bad = await refusal(
      stepWith(`${ITEMS}          replacements:
            - { target: '$.items[', targetSelectorType: jsonpath, value: 2 }
`),
    );
    expect(bad.find((d) => d.code === 'selector-invalid')?.message).toMatch(/does not compile as jsonpath/);
  });

  it('§Expression Type Object: an unknown targetSelectorType or version is a schema error at its line', async () => {
    const found = await refusal(
      stepWith(`${ITEMS}          replacements:
            - { target: /items/0/quantity, targetSelectorType: { type: jsonpath, version: rfc0000 }, value: 2 }
            - { target: /items/0/quantity, targetSelectorType: css, value: 2 }
`),
    );
    const schema = found.filter((d) => d.code === 'schema').map((d) => d.range.start.line);
    expect(schema).toEqual(expect.arrayContaining([19, 20]));
  });
});
