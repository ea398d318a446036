import { fileURLToPath } from 'node:url';
import { lintDocument, resolveDocument } from '@telaio/core';
import { describe, expect, it } from 'vitest';

// 1.1.0 §Criterion Object: `context` is `{expression}`, a runtime expression only. A Selector Object
// cannot stand there (the "Selector Object in criteria contexts" has no place in 1.1.0): the
// schema refuses it, and lint says what to write instead (a typed criterion does the selecting).

const uri = fileURLToPath(new URL('../fixtures/engine/inline.arazzo.yaml', import.meta.url));
const text = (context: string) => `arazzo: 1.1.0
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: pets, url: ./pets.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationId: listPets
        successCriteria:
          - context: ${context}
            condition: $[0]
            type: jsonpath
`;

const lint = async (context: string) =>
  lintDocument(await resolveDocument(uri, { text: text(context), cache: false })).map((d) => [
    d.code,
    d.range.start.line,
    d.message,
  ]);

describe('1.1.0 §Criterion Object context', () => {
  it('§Criterion Object: a Selector Object as context is a schema error and a criterion-invalid saying what to write', async () => {
    const found = await lint('{ context: $response.body, selector: $.items, type: jsonpath }');
    expect(found.map(([code, line]) => [code, line])).toEqual([
      ['schema', 11],
      ['criterion-invalid', 11],
    ]);
    expect(found[1]?.[2]).toMatch(/runtime expression only .* not a Selector Object/);
  });

  it('§Criterion Object: the same selection written as a typed criterion on a runtime-expression context is valid', async () => {
    expect(await lint('$response.body')).toEqual([]);
  });
});
