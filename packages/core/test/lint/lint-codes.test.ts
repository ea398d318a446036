import { describe, expect, it } from 'vitest';
import { findings, lintText, PET_OPERATIONS } from './lint-fixture.js';

/** 1-based line of the first line containing `needle` (or of its `nth` occurrence). */
function lineOf(text: string, needle: string, nth = 1): number {
  let from = 0;
  for (let i = 0; i < nth; i++) {
    const at = text.indexOf(needle, from);
    if (at < 0) throw new Error(`fixture lacks '${needle}'`);
    from = at + 1;
    if (i === nth - 1) return text.slice(0, at).split('\n').length;
  }
  throw new Error('unreachable');
}

const BASE = `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions:
  - name: pets
    url: ./pets.yaml
    type: openapi
workflows:
  - workflowId: main
    inputs:
      type: object
      properties:
        petId: {type: string}
    steps:
      - stepId: list
        operationId: listPets
        parameters:
          - name: limit
            in: query
            value: 10
        successCriteria:
          - condition: $statusCode == 200
        outputs:
          first: $response.body#/0/id
      - stepId: get
        operationId: getPet
        parameters:
          - name: petId
            in: path
            value: $steps.list.outputs.first
        onFailure:
          - name: again
            type: retry
            stepId: get
            retryLimit: 2
        outputs:
          name: $response.body#/name
    outputs:
      name: $steps.get.outputs.name
`;

const lint = (text: string) => lintText(text, { operations: PET_OPERATIONS });
const swap = (from: string, to: string, text = BASE): string => {
  if (!text.includes(from)) throw new Error(`fixture lacks '${from}'`);
  return text.replace(from, to);
};

describe('lintDocument: one broken document per code', () => {
  it('finds nothing in the valid base document', () => {
    expect(lint(BASE)).toEqual([]);
  });

  it('duplicate-id: a stepId used twice in a workflow, at the second one', () => {
    const text = swap('stepId: get\n', 'stepId: list\n');
    const found = findings(lint(text), 'duplicate-id');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(text, 'stepId: list', 2));
  });

  it('duplicate-id: parameter name+in twice is an error (§4.6.4 Step Object: "The list MUST NOT include duplicate parameters")', () => {
    const text = swap(
      '            value: 10\n',
      '            value: 10\n          - name: limit\n            in: query\n            value: 20\n',
    );
    const found = findings(lint(text), 'duplicate-id');
    expect(found).toMatchObject([{ severity: 'error', line: lineOf(text, '- name: limit', 2) }]);
  });

  it('operation-unknown: a misspelled operationId, with the sources searched and a suggestion', () => {
    const text = swap('operationId: getPet', 'operationId: getPte');
    const [found] = findings(lint(text), 'operation-unknown');
    expect(found).toMatchObject({ line: lineOf(text, 'getPte'), severity: 'error' });
    expect(found!.message).toContain('searched pets');
    expect(found!.message).toContain("did you mean 'getPet'");
  });

  it('operation-unknown: an operationPath without its method says so', () => {
    const text = swap(
      'operationId: listPets',
      "operationPath: '{$sourceDescriptions.pets.url}#/paths/~1pets'",
    );
    const [found] = findings(lint(text), 'operation-unknown');
    expect(found).toMatchObject({ line: lineOf(text, 'operationPath') });
    expect(found!.message).toMatch(/lacks the HTTP method: one of get, post/);
  });

  it('operation-ambiguous: an unqualified operationId found in two sources', () => {
    const text = swap(
      '    type: openapi\n',
      '    type: openapi\n  - name: more\n    url: ./more.yaml\n    type: openapi\n',
    );
    const extra = PET_OPERATIONS.map((o) => ({ ...o, sourceName: 'more' }));
    const found = findings(
      lintText(text, { operations: [...PET_OPERATIONS, ...extra] }),
      'operation-ambiguous',
    );
    expect(found.map((f) => f.line)).toEqual([
      lineOf(text, 'operationId: listPets'),
      lineOf(text, 'operationId: getPet'),
    ]);
  });

  it('workflow-unknown: dependsOn naming no workflow', () => {
    const text = swap('    inputs:\n', '    dependsOn: [setup]\n    inputs:\n');
    expect(findings(lint(text), 'workflow-unknown')).toMatchObject([{ line: lineOf(text, 'dependsOn') }]);
  });

  it('step-unknown: a retry to a step that is not in the workflow', () => {
    const text = swap('            stepId: get\n', '            stepId: gte\n');
    const [found] = findings(lint(text), 'step-unknown');
    expect(found).toMatchObject({ line: lineOf(text, 'stepId: gte') });
    expect(found!.message).toContain("did you mean 'get'");
  });

  it('expression-invalid: a misspelled expression source, at its scalar', () => {
    const text = swap('$response.body#/name', '$respons.body#/name');
    expect(findings(lint(text), 'expression-invalid')).toMatchObject([
      { line: lineOf(text, '$respons.body') },
    ]);
  });

  it('expression-invalid: a broken embedded expression inside a payload', () => {
    const text = swap(
      '        outputs:\n          name:',
      '        requestBody:\n          payload:\n            note: "pet {$inputs.petId"\n        outputs:\n          name:',
    );
    expect(findings(lint(text), 'expression-invalid')).toMatchObject([
      { line: lineOf(text, 'note:'), pointer: '/workflows/0/steps/1/requestBody/payload/note' },
    ]);
  });

  it('expression-invalid: braces around a bare expression (outputs, context) say to drop them', () => {
    const text = swap(
      'name: $steps.get.outputs.name',
      "name: '{$inputs.nope}'",
      swap(
        '          - condition: $statusCode == 200\n',
        "          - condition: $statusCode == 200\n          - context: '{ $response.body }'\n            condition: $.id\n            type: jsonpath\n",
      ),
    );
    expect(findings(lint(text), 'expression-invalid')).toEqual([
      {
        line: lineOf(text, '{ $response.body }'),
        severity: 'error',
        message: "a criterion context takes a bare runtime expression: drop the braces ('$response.body')",
        pointer: '/workflows/0/steps/0/successCriteria/1/context',
      },
      {
        line: lineOf(text, '{$inputs.nope}'),
        severity: 'error',
        message: "outputs take a bare runtime expression: drop the braces ('$inputs.nope')",
        pointer: '/workflows/0/outputs/name',
      },
    ]);
  });

  it('reference-unknown: an undeclared input, a missing step output, and a step of no workflow', () => {
    const text = swap(
      'value: $steps.list.outputs.first',
      'value: $inputs.petID',
      swap('name: $steps.get.outputs.name', 'name: $steps.gets.outputs.name'),
    );
    const found = findings(lint(text), 'reference-unknown');
    expect(found.map((f) => f.line)).toEqual([lineOf(text, '$inputs.petID'), lineOf(text, '$steps.gets')]);
    expect(found[0]!.message).toContain("did you mean 'petId'");
  });

  it('reference-unknown: an output the step does not define', () => {
    const text = swap('$steps.list.outputs.first', '$steps.list.outputs.last');
    expect(findings(lint(text), 'reference-unknown')).toMatchObject([
      { line: lineOf(text, 'outputs.last'), severity: 'error' },
    ]);
  });

  it('reference-unknown: $response in a workflow output is a warning', () => {
    const text = swap('name: $steps.get.outputs.name', 'name: $response.body#/name');
    expect(findings(lint(text), 'reference-unknown')).toMatchObject([
      { line: lineOf(text, 'name: $response.body#/name', 2), severity: 'warning' },
    ]);
  });

  it('reference-unknown: a missing component parameter', () => {
    const text = swap(
      '          - name: limit\n            in: query\n            value: 10\n',
      '          - reference: $components.parameters.pageSize\n',
    );
    expect(findings(lint(text), 'reference-unknown')).toMatchObject([
      { line: lineOf(text, '$components.parameters') },
    ]);
  });

  it('criterion-invalid: a regex that does not compile, and one with no context', () => {
    const text = swap(
      '          - condition: $statusCode == 200\n',
      "          - condition: '^(ok'\n            context: $response.body\n            type: regex\n          - condition: ok\n            type: regex\n",
    );
    const found = findings(lint(text), 'criterion-invalid');
    expect(found.map((f) => f.line)).toEqual([lineOf(text, "'^(ok'"), lineOf(text, '- condition: ok')]);
  });

  it('criterion-invalid: bad JSONPath and bad XPath, each at its condition', () => {
    const text = swap(
      '          - condition: $statusCode == 200\n',
      '          - condition: $[?@.id ==\n            context: $response.body\n            type: jsonpath\n          - condition: //pet[\n            context: $response.body\n            type: {type: xpath, version: xpath-30}\n',
    );
    const found = findings(lint(text), 'criterion-invalid');
    expect(found.map((f) => f.line)).toEqual([lineOf(text, '$[?@.id =='), lineOf(text, '//pet[')]);
  });

  it('criterion-invalid: a JSONPath accepted only as a comparison is a warning at its condition', () => {
    const text = swap(
      '          - condition: $statusCode == 200\n',
      '          - condition: $statusCode == 200\n          - context: $response.body\n            condition: $.pets.length > 0\n            type: jsonpath\n',
    );
    const found = findings(lint(text), 'criterion-invalid');
    expect(found).toMatchObject([{ line: lineOf(text, '$.pets.length > 0'), severity: 'warning' }]);
    expect(found[0]!.message).toMatch(/^jsonpath criterion: '\$\.pets\.length > 0' is not an RFC 9535 query/);
    expect(found[0]!.pointer).toMatch(/\/successCriteria\/1\/condition$/);
  });

  it('criterion-invalid: bad simple syntax', () => {
    const text = swap('$statusCode == 200', '$statusCode == == 200');
    expect(findings(lint(text), 'criterion-invalid')).toMatchObject([{ line: lineOf(text, '== == 200') }]);
  });

  it('parameter-invalid: no in (error), a name the operation lacks (warning), a missing required path parameter (error: the step cannot be sent)', () => {
    const text = swap(
      '          - name: petId\n            in: path\n',
      '          - name: petid\n            in: path\n          - name: X-Trace\n',
    );
    const found = findings(lint(text), 'parameter-invalid');
    expect(found).toMatchObject([
      { line: lineOf(text, 'operationId: getPet'), severity: 'error' },
      { line: lineOf(text, 'name: petid'), severity: 'warning' },
      { line: lineOf(text, 'name: X-Trace'), severity: 'error' },
    ]);
    expect(found[1]!.message).toContain("did you mean 'petId'");
  });

  it('dependency-cycle: two workflows depending on each other, reported once', () => {
    const text = `${swap('    inputs:\n', '    dependsOn: [other]\n    inputs:\n')}  - workflowId: other
    dependsOn: [main]
    steps:
      - stepId: only
        operationId: listPets
`;
    const found = findings(lint(text), 'dependency-cycle');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: lineOf(text, 'dependsOn: [other]') });
    expect(found[0]!.message).toContain("'main' → 'other' → 'main'");
  });

  it('duplicate-id: a workflowId and a sourceDescription name used twice', () => {
    const text = `${swap('    type: openapi\n', '    type: openapi\n  - name: pets\n    url: ./other.yaml\n')}  - workflowId: main
    steps:
      - stepId: only
        operationId: listPets
`;
    const found = findings(lint(text), 'duplicate-id');
    expect(found.map((f) => f.line)).toEqual([
      lineOf(text, '- name: pets', 2),
      lineOf(text, 'workflowId: main', 2),
    ]);
  });

  it('workflow-unknown: a step workflowId, an action workflowId and a $sourceDescriptions form', () => {
    const text = swap(
      '            retryLimit: 2\n',
      '            retryLimit: 2\n          - name: bail\n            type: goto\n            workflowId: cleanup\n',
      swap('operationId: listPets', 'workflowId: $sourceDescriptions.pets.setup'),
    );
    const found = findings(lint(text), 'workflow-unknown');
    expect(found.map((f) => f.line)).toEqual([
      lineOf(text, 'workflowId: $sourceDescriptions'),
      lineOf(text, 'workflowId: cleanup'),
    ]);
    expect(found[0]!.message).toContain('a source of type openapi');
  });

  it('operation-unknown: a qualified operationId naming an undeclared source', () => {
    const text = swap('operationId: getPet', 'operationId: $sourceDescriptions.pet.getPet');
    const [found] = findings(lint(text), 'operation-unknown');
    expect(found).toMatchObject({ line: lineOf(text, '$sourceDescriptions.pet.getPet') });
    expect(found!.message).toContain("did you mean 'pets'");
  });

  it('expression-invalid: a misspelled expression inside a simple condition', () => {
    const text = swap('$statusCode == 200', '$statuscode == 200');
    expect(findings(lint(text), 'expression-invalid')).toMatchObject([{ line: lineOf(text, '$statuscode') }]);
    expect(findings(lint(text), 'criterion-invalid')).toEqual([]);
  });

  it('reference-unknown: $workflows and $sourceDescriptions that name nothing', () => {
    const text = swap(
      'name: $steps.get.outputs.name',
      'name: $workflows.other.outputs.x\n      src: $sourceDescriptions.pest.url',
    );
    const found = findings(lint(text), 'reference-unknown');
    expect(found.map((f) => f.line)).toEqual([
      lineOf(text, '$workflows.other'),
      lineOf(text, '$sourceDescriptions.pest'),
    ]);
  });

  it('dependency-cycle: a workflow step that runs its own workflow', () => {
    const text = swap('operationId: listPets', 'workflowId: main');
    expect(findings(lint(text), 'dependency-cycle')).toMatchObject([
      { line: lineOf(text, 'workflowId: main', 2) },
    ]);
  });

  it('parameter-invalid: a component parameter the operation does not define, at the reference', () => {
    const text = `${swap('          - name: limit\n            in: query\n            value: 10\n', '          - reference: $components.parameters.page\n')}components:
  parameters:
    page:
      name: page
      in: query
      value: 1
`;
    expect(findings(lint(text), 'parameter-invalid')).toMatchObject([
      { line: lineOf(text, '$components.parameters.page'), severity: 'warning' },
    ]);
  });

  it('skips operation checks when the source could not be loaded', () => {
    const text = swap('operationId: getPet', 'operationId: getPte');
    expect(findings(lintText(text, { unresolved: ['pets'] }), 'operation-unknown')).toEqual([]);
  });
});
