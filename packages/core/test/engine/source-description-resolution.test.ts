import { lintDocument, resolveDocument, TelaioError } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { fixture, loadInline, memoryEngine } from './helpers.js';

// 1.1.0 §Source Description Expression Resolution: `$sourceDescriptions.<name>.<reference>` is an
// operationId (OpenAPI) or workflowId (Arazzo) first, a Source Description Object field (`url`,
// `type`) only when there is none. 1.0 documents keep reading the field.

const doc = (version: string, outputs: string, more = '') => `arazzo: ${version}
info: { title: t, version: 1.0.0 }
sourceDescriptions:
  - { name: shadow, url: ./shadow.openapi.yaml, type: openapi }
  - { name: flows, url: ./typed-flows.arazzo.yaml, type: arazzo }
workflows:
  - workflowId: w
    steps:
      - stepId: thing
        operationId: $sourceDescriptions.shadow.getThing
        parameters: [{ name: id, in: path, value: a }]
${more}    outputs:
${outputs}`;

const OUTPUTS = `      op: $sourceDescriptions.shadow.getThing
      url: $sourceDescriptions.shadow.url
      type: $sourceDescriptions.shadow.type
      flowsType: $sourceDescriptions.flows.type
      flowsUrl: $sourceDescriptions.flows.url
`;

const run = async (text: string) => {
  const { engine } = memoryEngine(() => ({ status: 200, body: {} }));
  const document = await loadInline(engine, text);
  const result = await engine.run({ document, workflowId: 'w' });
  expect(result.error).toBeUndefined();
  return { outputs: result.outputs, warnings: document.diagnostics };
};

const lint = async (text: string) =>
  lintDocument(await resolveDocument(fixture('inline.arazzo.yaml'), { text, cache: false }));

describe('1.1.0 §Source Description Expression Resolution', () => {
  it('§Source Description Expression Resolution: an operationId or workflowId wins over a field of the same name (priority 1 before 2)', async () => {
    const { outputs, warnings } = await run(doc('1.1.0', OUTPUTS));
    expect(outputs.op).toEqual({
      operationId: 'getThing',
      operationPath: './shadow.openapi.yaml#/paths/~1things~1{id}/get',
      method: 'GET',
      path: '/things/{id}',
    });
    // The source has an operation with operationId `url`: "the operationId takes precedence".
    expect(outputs.url).toMatchObject({ operationId: 'url', method: 'GET', path: '/url' });
    // The Arazzo source has a workflow `type`.
    expect(outputs.flowsType).toEqual({ workflowId: 'type' });
    // No operation or workflow of that name: the field (priority 2).
    expect(outputs.type).toBe('openapi');
    expect(outputs.flowsUrl).toBe('./typed-flows.arazzo.yaml');
    expect(warnings.filter((d) => d.code === 'source-reference-shadowed').map((d) => d.pointer)).toEqual([
      '/workflows/0/outputs/url',
      '/workflows/0/outputs/flowsType',
    ]);
  });

  it('§Source Description Expression Resolution: a 1.0.1 document reads the Source Description Object field, as 1.0.1 shows', async () => {
    const { outputs, warnings } = await run(
      doc(
        '1.0.1',
        '      url: $sourceDescriptions.shadow.url\n      flowsType: $sourceDescriptions.flows.type\n',
      ),
    );
    expect(outputs).toEqual({ url: './shadow.openapi.yaml', flowsType: 'arazzo' });
    expect(warnings.filter((d) => d.code === 'source-reference-shadowed')).toEqual([]);
  });

  it('§Source Description Expression Resolution, §Step Object operationPath: `{$sourceDescriptions.x.url}` shadowed by an operation named url names no document: an error at the operationPath', async () => {
    const text = doc('1.1.0', '      x: $steps.path.outputs\n').replace(
      '    outputs:\n',
      "      - stepId: path\n        operationPath: '{$sourceDescriptions.shadow.url}#/paths/~1url/get'\n    outputs:\n",
    );
    const found = (await lint(text)).filter((d) => d.code === 'source-reference-shadowed');
    expect(found.map((d) => [d.severity, d.pointer, d.range.start.line])).toEqual([
      ['error', '/workflows/0/steps/1/operationPath', 13],
    ]);
    const { engine } = memoryEngine(() => ({ status: 200 }));
    await expect(loadInline(engine, text)).rejects.toBeInstanceOf(TelaioError);
  });

  it('§Source Description Expression Resolution: a reference that is neither an operationId/workflowId nor a field is reference-unknown at its line', async () => {
    const found = (await lint(doc('1.1.0', '      x: $sourceDescriptions.shadow.getThingz\n'))).filter(
      (d) => d.rule === 'source-reference-unknown',
    );
    expect(found.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.column])).toEqual([
      ['reference-unknown', 'error', 13, 10],
    ]);
  });
});
