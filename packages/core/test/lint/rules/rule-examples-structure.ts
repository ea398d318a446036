/** Examples for the loading, structure and target rows of the severity table. */
import { CYCLE, doc, FLOWS, MORE, main, PETS, REFS, type RuleExample } from './rule-example-fixture.js';

const LIST = '      - stepId: list\n        operationId: listPets\n';

export const structureExamples = {
  'file-unreadable': { text: '', file: '/virtual/rules/missing.arazzo.yaml', pointer: '' },
  'yaml-syntax': { text: 'arazzo: [1.0.1\n', pointer: '' },
  'unsupported-version': { text: doc(main(LIST)).replace('1.0.1', '9.0.0'), pointer: '/arazzo' },
  schema: { text: doc(main(LIST)).replace("info: {title: t, version: '1'}\n", ''), pointer: '' },
  'source-ref-unresolved': {
    text: doc(main(LIST), `${PETS}${REFS}`),
    pointer: '/sourceDescriptions/1/url',
  },
  'operation-ref-unresolved': {
    text: doc(main('      - stepId: order\n        operationId: placeOrder\n'), REFS),
    pointer: '/workflows/0/steps/0/operationId',
  },
  'operation-id-short-form': {
    text: doc(main('      - stepId: list\n        operationId: pets.listPets\n')),
    pointer: '/workflows/0/steps/0/operationId',
  },
  'source-unresolved': {
    text: doc(main(LIST), `${PETS}  - {name: gone, url: ./gone.yaml, type: openapi}\n`),
    pointer: '/sourceDescriptions/1/url',
  },
  'duplicate-id': { text: doc(main(`${LIST}${LIST}`)), pointer: '/workflows/0/steps/1/stepId' },
  'duplicate-parameter': {
    text: doc(
      main(
        `${LIST}        parameters:\n          - {name: limit, in: query, value: 1}\n          - {name: limit, in: query, value: 2}\n`,
      ),
    ),
    pointer: '/workflows/0/steps/0/parameters/1/name',
  },
  'duplicate-action': {
    text: doc(
      main(
        `${LIST}        onSuccess:\n          - {name: done, type: end}\n          - {name: done, type: end}\n`,
      ),
    ),
    pointer: '/workflows/0/steps/0/onSuccess/1',
  },
  'duplicate-item': {
    text: doc(
      main(
        `${LIST}        successCriteria:\n          - condition: $statusCode == 200\n          - condition: $statusCode == 200\n`,
      ),
    ),
    pointer: '/workflows/0/steps/0/successCriteria/1',
  },
  'duplicate-depends-on': {
    text: doc(`${main(LIST, '    dependsOn: [other, other]\n')}  - workflowId: other\n    steps:\n${LIST}`),
    pointer: '/workflows/0/dependsOn/1',
  },
  'id-not-portable': {
    text: doc(main('      - stepId: list pets\n        operationId: listPets\n')),
    pointer: '/workflows/0/steps/0/stepId',
  },
  'output-name-invalid': {
    text: doc(main(`${LIST}        outputs:\n          pet id: $statusCode\n`)),
    pointer: '/workflows/0/steps/0/outputs/pet id',
  },
  'dependency-cycle': {
    text: doc(
      `${main(LIST, '    dependsOn: [other]\n')}  - workflowId: other\n    dependsOn: [main]\n    steps:\n${LIST}`,
    ),
    pointer: '/workflows/0/dependsOn/0',
  },
  'cross-document-cycle': {
    text: doc(
      main('      - stepId: there\n        workflowId: $sourceDescriptions.cycle.back\n'),
      `${PETS}${CYCLE}`,
    ),
    pointer: '/workflows/0/steps/0/workflowId',
  },
  'source-cycle': {
    text: doc(main(LIST), `${CYCLE}${PETS}`),
    pointer: '/sourceDescriptions/0/url',
  },
  'operation-unknown': {
    text: doc(main('      - stepId: list\n        operationId: listPet\n')),
    pointer: '/workflows/0/steps/0/operationId',
  },
  'operation-ambiguous': {
    text: doc(main(LIST), `${PETS}${MORE}`),
    pointer: '/workflows/0/steps/0/operationId',
  },
  'operation-in-arazzo-source': {
    text: doc(
      main('      - stepId: list\n        operationId: $sourceDescriptions.flows.listPets\n'),
      `${PETS}${FLOWS}`,
    ),
    pointer: '/workflows/0/steps/0/operationId',
  },
  'workflow-unknown': {
    text: doc(main('      - stepId: sub\n        workflowId: nowhere\n')),
    pointer: '/workflows/0/steps/0/workflowId',
  },
  'workflow-in-openapi-source': {
    text: doc(main(LIST, '    dependsOn: [$sourceDescriptions.pets.remote]\n'), `${PETS}${FLOWS}`),
    pointer: '/workflows/0/dependsOn/0',
  },
  'step-unknown': {
    text: doc(main(`${LIST}        onSuccess:\n          - {name: jump, type: goto, stepId: nowhere}\n`)),
    pointer: '/workflows/0/steps/0/onSuccess/0/stepId',
  },
  'parameter-in-missing': {
    text: doc(main(`${LIST}        parameters:\n          - {name: limit, value: 1}\n`)),
    pointer: '/workflows/0/steps/0/parameters/0',
  },
  'parameter-undeclared': {
    text: doc(main(`${LIST}        parameters:\n          - {name: x-api-key, in: header, value: k}\n`)),
    pointer: '/workflows/0/steps/0/parameters/0/name',
  },
  'parameter-required-missing': {
    text: doc(main('      - stepId: get\n        operationId: getPet\n')),
    pointer: '/workflows/0/steps/0/operationId',
  },
} satisfies Record<string, RuleExample>;
