import { describe, expect, it } from 'vitest';
import { loadArazzoText } from '../../src/document/load-arazzo-text.js';
import { validateSchema } from '../../src/schema/validate-schema.js';
import { findings, lintText, PET_OPERATIONS } from './lint-fixture.js';

const doc = (step: string) => `arazzo: 1.0.1
info: {title: t, version: '1'}
sourceDescriptions:
  - name: pets
    url: ./pets.yaml
workflows:
  - workflowId: main
    steps:
      - stepId: get
        operationId: getPet
${step}`;

describe('uniqueItems on arrays of objects, checked by lint', () => {
  it('reports a repeated criterion (keys in any order) as a schema warning at the later copy (only the published schema has uniqueItems there)', () => {
    const text = doc(`        parameters: [{name: petId, in: path, value: x}]
        successCriteria:
          - {condition: $statusCode == 200, context: $response.body, type: simple}
          - {type: simple, condition: $statusCode == 200, context: $response.body}
        onFailure:
          - {name: r, type: retry, criteria: [{condition: $statusCode == 503}, {condition: $statusCode == 503}]}
`);
    expect(findings(lintText(text, { operations: PET_OPERATIONS }), 'schema')).toEqual([
      {
        line: 14,
        severity: 'warning',
        message: 'duplicate of item 0: the published schema wants unique items',
        pointer: '/workflows/0/steps/0/successCriteria/1',
      },
      {
        line: 16,
        severity: 'warning',
        message: 'duplicate of item 0: the published schema wants unique items',
        pointer: '/workflows/0/steps/0/onFailure/0/criteria/1',
      },
    ]);
  });

  it('checks uniqueness of 20,000 criteria by canonical JSON, not pairwise (speed is measured in bench/validate-large.js)', () => {
    const criteria = Array.from({ length: 20000 }, (_, i) => `          - condition: $statusCode == ${i}`);
    const text = doc(
      `        parameters: [{name: petId, in: path, value: x}]\n        successCriteria:\n${criteria.join('\n')}\n`,
    );
    const file = loadArazzoText({ uri: 'mem:big.yaml', text }).file;
    if (file === undefined) throw new Error('fixture does not parse');
    expect(validateSchema(file)).toEqual([]);
    expect(findings(lintText(text, { operations: PET_OPERATIONS }), 'schema')).toEqual([]);
  });
});
