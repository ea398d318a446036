/** Examples for the expression and criterion rows of the severity table. */
import { doc, main, type RuleExample } from './rule-example-fixture.js';

const LIST = '      - stepId: list\n        operationId: listPets\n';
const limit = (value: string): string =>
  doc(main(`${LIST}        parameters:\n          - {name: limit, in: query, value: '${value}'}\n`));
const INPUTS = (extra: string) =>
  `    inputs:\n      type: object\n${extra}      properties:\n        secret: {type: object, properties: {value: {type: string}}}\n`;
const OTHER =
  '  - workflowId: other\n    outputs: {done: $steps.one.outputs.n}\n    steps:\n      - stepId: one\n        operationId: listPets\n        outputs: {n: $statusCode}\n';

export const expressionExamples = {
  'expression-invalid': {
    text: doc(main(`${LIST}        outputs: {s: $respons.body}\n`)),
    pointer: '/workflows/0/steps/0/outputs/s',
  },
  'expression-braced': {
    text: doc(main(`${LIST}        outputs: {s: '{$statusCode}'}\n`)),
    pointer: '/workflows/0/steps/0/outputs/s',
  },
  'expression-literal': { text: limit('$top'), pointer: '/workflows/0/steps/0/parameters/0/value' },
  'replacement-target-invalid': {
    text: doc(
      main(
        "      - stepId: list\n        operationId: listPets\n        requestBody:\n          contentType: application/json\n          payload: {a: 1}\n          replacements: [{target: 'a', value: 2}]\n",
      ),
    ),
    pointer: '/workflows/0/steps/0/requestBody/replacements/0/target',
  },
  'reference-unknown': {
    text: limit('{$steps.nowhere.outputs.x}'),
    pointer: '/workflows/0/steps/0/parameters/0/value',
  },
  'input-undeclared': {
    text: doc(
      main(`${LIST}        parameters: [{name: limit, in: query, value: $inputs.page}]\n`, INPUTS('')),
    ),
    pointer: '/workflows/0/steps/0/parameters/0/value',
  },
  'input-forbidden': {
    text: doc(
      main(
        `${LIST}        parameters: [{name: limit, in: query, value: $inputs.page}]\n`,
        INPUTS('      additionalProperties: false\n'),
      ),
    ),
    pointer: '/workflows/0/steps/0/parameters/0/value',
  },
  'input-member': {
    text: doc(
      main(
        `${LIST}        parameters: [{name: limit, in: query, value: $inputs.secret.value}]\n`,
        INPUTS(''),
      ),
    ),
    pointer: '/workflows/0/steps/0/parameters/0/value',
  },
  'expression-name-not-portable': {
    text: doc(
      main(
        '      - stepId: list pets\n        operationId: listPets\n        outputs: {n: $statusCode}\n    outputs:\n      n: $steps.list pets.outputs.n\n',
      ),
    ),
    pointer: '/workflows/0/outputs/n',
  },
  'workflow-step-reads': {
    text: doc(
      `${main('      - stepId: sub\n        workflowId: other\n        successCriteria: [{condition: $statusCode == 200}]\n')}${OTHER}`,
    ),
    pointer: '/workflows/0/steps/0/successCriteria/0/condition',
  },
  'workflow-output-message': {
    text: doc(main(LIST, '    outputs: {s: $statusCode}\n')),
    pointer: '/workflows/0/outputs/s',
  },
  'response-pointer-unknown': {
    text: doc(main(`${LIST}        outputs: {first: $response.body#/0/name}\n`)),
    pointer: '/workflows/0/steps/0/outputs/first',
  },
  'criterion-invalid': {
    text: doc(
      main(`${LIST}        successCriteria: [{context: $statusCode, condition: '(2', type: regex}]\n`),
    ),
    pointer: '/workflows/0/steps/0/successCriteria/0/condition',
  },
  'criterion-compat': {
    text: doc(
      main(
        `${LIST}        successCriteria: [{context: $response.body, condition: '$.items.length > 0', type: jsonpath}]\n`,
      ),
    ),
    pointer: '/workflows/0/steps/0/successCriteria/0/condition',
  },
} satisfies Record<string, RuleExample>;
