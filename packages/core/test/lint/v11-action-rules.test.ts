import { fileURLToPath } from 'node:url';
import { lintDocument, resolveDocument } from '@telaio/core';
import { describe, expect, it } from 'vitest';

// The action and criterion rules Arazzo 1.1.0 adds (docs/arazzo-1.1-changes.md): action
// `parameters` ("The list MUST NOT include duplicate parameters. The `in` field MUST NOT be used.",
// Reusable Objects "MUST link to a parameter defined in the components/parameters") and a provided
// `successCriteria` that "MUST contain at least one Criterion Object".

const uri = fileURLToPath(new URL('../fixtures/engine/inline.arazzo.yaml', import.meta.url));
const doc = (version: string, criteria: string, parameters: string) => `arazzo: ${version}
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
components:
  parameters:
    lim: { name: limit, value: 1 }
workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        successCriteria: ${criteria}
        onSuccess:
          - name: go
            type: goto
            workflowId: v
            parameters:
${parameters}  - workflowId: v
    inputs: { type: object, properties: { x: { type: integer }, limit: { type: integer } } }
    steps:
      - { stepId: b, operationId: listPets }
`;

const OK = '[{ condition: $statusCode == 200 }]';
const lint = async (text: string) =>
  lintDocument(await resolveDocument(uri, { text, cache: false })).map(
    (d) => `${d.range.start.line} ${d.severity} ${d.code}`,
  );

describe('1.1.0 §Success Action Object and §Failure Action Object parameters, §Step Object successCriteria', () => {
  it('§Success Action Object parameters: valid values and a Reusable Object naming components/parameters', async () => {
    const found = await lint(
      doc(
        '1.1.0',
        OK,
        '              - { name: x, value: 1 }\n              - { reference: $components.parameters.lim }\n',
      ),
    );
    expect(found).toEqual([]);
  });

  it("§Success Action Object parameters: 'in' MUST NOT be used, no duplicates, a Reusable Object MUST link to a component", async () => {
    const found = await lint(
      doc(
        '1.1.0',
        OK,
        '              - { name: x, in: query, value: 1 }\n              - { name: limit, value: 1 }\n              - { name: limit, value: 2 }\n              - { reference: $components.parameters.nope }\n',
      ),
    );
    expect(found).toEqual(['19 error schema', '21 error duplicate-id', '22 error reference-unknown']);
  });

  it('§Step Object successCriteria: when provided it MUST contain at least one Criterion Object (1.1.0; a schema error)', async () => {
    expect(await lint(doc('1.1.0', '[]', '              - { name: x, value: 1 }\n'))).toEqual([
      '13 error schema',
    ]);
  });
});
