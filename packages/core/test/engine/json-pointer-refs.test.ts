import { describe, expect, it } from 'vitest';
import { loadInline, memoryEngine } from './helpers.js';

const DOC = `arazzo: 1.0.1
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: refs, url: ./refs.openapi.yaml, type: openapi }
workflows:
  - workflowId: w
    steps:
      - stepId: a
        operationPath: '{$sourceDescriptions.refs.url}#/paths/~1things%7E0%7Bkind%7D/get'
        parameters:
          - { name: kind, in: path, value: big }
          - { name: size, in: query, value: 3 }
`;

describe('JSON Pointer fragments', () => {
  it('§Step Object operationPath and OpenAPI $refs: RFC 6901 §6, the fragment is percent-decoded first, then ~1/~0 undone', async () => {
    const { engine, transport } = memoryEngine(() => ({ status: 200 }));
    const doc = await loadInline(engine, DOC);
    const result = await engine.run({ document: doc });
    expect(result.status).toBe('success');
    const operation = transport.prepared[0]?.operation;
    expect(operation?.path).toBe('/things~{kind}');
    // '#/components/parameters/page%7E1size' reaches 'page/size', not the component named 'page~1size'.
    expect(operation?.parameters.map((p) => [p.name, p.required])).toEqual([
      ['size', true],
      ['kind', true],
    ]);
  });
});
