/** Examples for the Arazzo 1.1 rows of the severity table (lint/v11). */
import { CANONICAL, doc, main, ORDERS, PETS, type RuleExample, SHADOW } from './rule-example-fixture.js';

/** A 1.1 document with the pets and orders sources. */
const doc11 = (workflows: string, rest = '') =>
  doc(workflows, `${PETS}${ORDERS}`, rest).replace('arazzo: 1.0.1', 'arazzo: 1.1.0');
const LIST = '      - stepId: list\n        operationId: listPets\n';
const SEND =
  '      - stepId: send\n        operationId: $sourceDescriptions.orders.placeOrder\n        action: send\n';
const AT = '/workflows/0/steps/0';

export const v11Examples = {
  'channel-unknown': {
    text: doc11(
      main(
        "      - stepId: c\n        channelPath: '{$sourceDescriptions.orders.url}#/channels/nope'\n        action: receive\n",
      ),
    ),
    pointer: `${AT}/channelPath`,
  },
  'message-operation-unknown': {
    text: doc11(
      main(
        "      - stepId: c\n        operationPath: '{$sourceDescriptions.orders.url}#/operations/nope'\n        action: send\n",
      ),
    ),
    pointer: `${AT}/operationPath`,
  },
  'action-mismatch': {
    text: doc11(main(SEND.replace('action: send', 'action: receive'))),
    pointer: `${AT}/action`,
  },
  'action-missing': {
    text: doc11(
      main(
        "      - stepId: c\n        channelPath: '{$sourceDescriptions.orders.url}#/channels/confirmed'\n",
      ),
    ),
    pointer: `${AT}/channelPath`,
  },
  'action-missing-operation': {
    text: doc11(main(SEND.replace('        action: send\n', ''))),
    pointer: `${AT}/operationId`,
  },
  'action-not-applicable': { text: doc11(main(`${LIST}        action: send\n`)), pointer: `${AT}/action` },
  'correlation-id-undefined': {
    text: doc11(
      main(
        '      - stepId: c\n        operationId: $sourceDescriptions.orders.confirmOrder\n        action: receive\n        correlationId: abc\n',
      ),
    ),
    pointer: `${AT}/correlationId`,
  },
  'request-body-on-receive': {
    text: doc11(
      main(
        '      - stepId: c\n        operationId: $sourceDescriptions.orders.confirmOrder\n        action: receive\n        requestBody: {payload: {a: 1}}\n',
      ),
    ),
    pointer: `${AT}/requestBody`,
  },
  'message-outside-message-step': {
    text: doc11(main(`${LIST}        outputs: {x: $message.payload}\n`)),
    pointer: `${AT}/outputs/x`,
  },
  'self-undefined': { text: doc11(main(`${LIST}        outputs: {x: $self}\n`)), pointer: `${AT}/outputs/x` },
  'expression-not-in-version': {
    text: doc(main(`${LIST}        outputs: {x: $self}\n`)),
    pointer: `${AT}/outputs/x`,
  },
  'step-dependency-unknown': {
    text: doc11(main(`${LIST}        dependsOn: [nope]\n`)),
    pointer: `${AT}/dependsOn/0`,
  },
  'step-dependency-workflow-unknown': {
    text: doc11(main(`${LIST}        dependsOn: [$workflows.nope.steps.list]\n`)),
    pointer: `${AT}/dependsOn/0`,
  },
  'step-dependency-cycle': {
    text: doc11(main(`${LIST}        dependsOn: [list]\n`)),
    pointer: `${AT}/dependsOn/0`,
  },
  'forward-reference-v10': {
    text: doc(
      main(
        `${LIST}        parameters: [{name: limit, in: query, value: $steps.later.outputs.n}]\n      - stepId: later\n        operationId: listPets\n        outputs: {n: $statusCode}\n`,
      ),
    ),
    pointer: `${AT}/parameters/0/value`,
  },
  'forward-reference': {
    text: doc11(
      main(
        `${LIST}        parameters: [{name: limit, in: query, value: $steps.later.outputs.n}]\n      - stepId: later\n        operationId: listPets\n        outputs: {n: $statusCode}\n`,
      ),
    ),
    pointer: `${AT}/parameters/0/value`,
  },
  'selector-invalid': {
    text: doc11(
      main(`${LIST}        outputs: {x: {context: $response.body, selector: '$[0', type: jsonpath}}\n`),
    ),
    pointer: `${AT}/outputs/x/selector`,
  },
  'source-not-by-identity': {
    text: doc(main(LIST), `${PETS}${CANONICAL}`).replace('arazzo: 1.0.1', 'arazzo: 1.1.0'),
    pointer: '/sourceDescriptions/1/url',
  },
  'source-reference-shadowed': {
    text: doc(main(LIST), `${PETS}${SHADOW}`, '    outputs: {u: $sourceDescriptions.shadow.url}\n').replace(
      'arazzo: 1.0.1',
      'arazzo: 1.1.0',
    ),
    pointer: '/workflows/0/outputs/u',
  },
  'source-reference-shadowed-path': {
    text: doc(
      main("      - stepId: p\n        operationPath: '{$sourceDescriptions.shadow.url}#/paths/~1url/get'\n"),
      `${PETS}${SHADOW}`,
    ).replace('arazzo: 1.0.1', 'arazzo: 1.1.0'),
    pointer: `${AT}/operationPath`,
  },
  'source-reference-unknown': {
    text: doc11(main(LIST), '    outputs: {u: $sourceDescriptions.pets.lisPets}\n'),
    pointer: '/workflows/0/outputs/u',
  },
  'replacement-selector-mismatch': {
    text: doc11(
      main(
        '      - stepId: list\n        operationId: listPets\n        requestBody:\n          contentType: application/json\n          payload: {name: a}\n          replacements: [{target: /name, targetSelectorType: xpath, value: b}]\n',
      ),
    ),
    pointer: `${AT}/requestBody/replacements/0/targetSelectorType`,
  },
  'selector-context-invalid': {
    text: doc11(main(`${LIST}        outputs: {x: {context: $inputs, selector: '$[0]', type: jsonpath}}\n`)),
    pointer: `${AT}/outputs/x/context`,
  },
  'querystring-with-query': {
    text: doc11(
      main(
        `${LIST}        parameters:\n          - {name: q, in: querystring, value: 'a=1'}\n          - {name: limit, in: query, value: 1}\n`,
      ),
    ),
    pointer: `${AT}/parameters/0`,
  },
  'querystring-not-string': {
    text: doc11(main(`${LIST}        parameters: [{name: q, in: querystring, value: 1}]\n`)),
    pointer: `${AT}/parameters/0/value`,
  },
  'action-parameters-ignored': {
    text: doc11(
      main(`${LIST}        onSuccess: [{name: e, type: end, parameters: [{name: a, value: 1}]}]\n`),
    ),
    pointer: `${AT}/onSuccess/0/parameters`,
  },
} satisfies Record<string, RuleExample>;
