import type { RuleRow } from './rule-table.js';

const ASYNC_ACTION =
  'Describes the message flow intent. Indicates whether the step will _send (publish)_ or _receive (subscribe)_ to a channel in an AsyncAPI document. Only applicable for `asyncapi` steps.';

const SOURCE_ORDER =
  'When using `$sourceDescriptions.<name>.<reference>`, the `<reference>` portion is resolved with the following priority: operationId or workflowId [...] Source description field [...] If an operationId happens to conflict with a field name (e.g., an operation with operationId: url), the operationId takes precedence.';

/**
 * The rows of what Arazzo 1.1 adds (lint/v11): AsyncAPI steps, `$message` and `$self`, step
 * `dependsOn`, selectors, `querystring`, action parameters. Sentences quote Arazzo 1.1.0.
 */
export const v11Rows = {
  'channel-unknown': {
    code: 'channel-unknown',
    severity: 'error',
    basis: 'MUST',
    summary: 'a `channelPath` that is malformed or names no channel of an AsyncAPI source',
    where: 'Step Object, channelPath',
    sentence:
      'The operation being referenced MUST be described within one of the `sourceDescriptions` descriptions. A Runtime Expression syntax MUST be used to identify the source description document.',
  },
  'message-operation-unknown': {
    code: 'operation-unknown',
    severity: 'error',
    basis: 'MUST',
    summary: 'an `operationPath` into an AsyncAPI source that names no operation there',
    where: 'Step Object, operationPath',
    sentence:
      'The operation being referenced MUST be described within one of the `sourceDescriptions` descriptions.',
  },
  'action-mismatch': {
    code: 'action-mismatch',
    severity: 'error',
    basis: 'impossible',
    summary:
      "a step's `action` that is not what its AsyncAPI operation (or any operation of its channel) does",
    where: 'Step Object, action',
    sentence: ASYNC_ACTION,
  },
  'action-missing': {
    code: 'action-missing',
    severity: 'error',
    basis: 'impossible',
    summary:
      'a `channelPath` step without `action`: the channel alone does not say whether to send or receive',
    where: 'Step Object, action',
    sentence: ASYNC_ACTION,
  },
  'action-missing-operation': {
    code: 'action-missing',
    severity: 'warning',
    basis: 'portability',
    summary: "an AsyncAPI operation step without `action` (telaio takes the operation's own)",
    where: 'Step Object, action',
    sentence: ASYNC_ACTION,
  },
  'action-not-applicable': {
    code: 'action-not-applicable',
    severity: 'warning',
    basis: 'portability',
    summary:
      '`action` or `correlationId` on a step that is not an AsyncAPI step, or `correlationId` on a `send` step',
    where: 'Step Object, action and correlationId',
    sentence:
      '`action`: Only applicable for `asyncapi` steps. `correlationId`: Only applicable to `asyncapi` steps with action `receive`.',
  },
  'request-body-on-receive': {
    code: 'action-not-applicable',
    severity: 'warning',
    basis: 'portability',
    summary: 'a `requestBody` on an AsyncAPI step that receives: there is nothing to send, so it is ignored',
    where: 'Step Object, requestBody and action; Request Body Object',
    sentence:
      '`requestBody`: The request body to pass to an operation as referenced by `operationId` or `operationPath`. / A single request body describing the `Content-Type` and request body content to be passed by a step to an operation.',
  },
  'correlation-id-undefined': {
    code: 'correlation-id-undefined',
    severity: 'error',
    basis: 'impossible',
    summary:
      'a receiving step with `correlationId` whose AsyncAPI messages define no correlationId: no message can match',
    where: 'Step Object, correlationId; Defining Success for Asynchronous Steps',
    sentence:
      'Only applicable to `asyncapi` steps with action `receive` and has to be in-sync with correlationId defined in the AsyncAPI document. / If `correlationId` is specified, only messages matching the correlation identifier are considered.',
  },
  'message-outside-message-step': {
    code: 'reference-unknown',
    severity: 'error',
    basis: 'impossible',
    summary: '`$message` read where no message is sent or received (not in an AsyncAPI step)',
    where: 'Runtime Expressions, Message header and Payload value',
    sentence:
      '`$message.payload#/status`: In operations which return payloads, references may be made to portions of the payload or the entire payload.',
  },
  'self-undefined': {
    code: 'reference-unknown',
    severity: 'error',
    basis: 'impossible',
    summary: '`$self` in a document that has no `$self` field',
    where: 'Runtime Expressions, Self URI',
    sentence:
      'References the canonical URI of the current Arazzo Description as defined by the `$self` field.',
  },
  'expression-not-in-version': {
    code: 'expression-invalid',
    severity: 'error',
    basis: 'MUST',
    summary: '`$self` or `$message` in an Arazzo 1.0 document (1.1 expressions)',
    where: 'Versions; Runtime Expressions (1.0.1 ABNF)',
    sentence: 'The `arazzo` field MUST be used by tooling to interpret the Arazzo Description.',
  },
  'step-dependency-unknown': {
    code: 'step-unknown',
    severity: 'error',
    basis: 'MUST',
    summary: 'a step `dependsOn` entry that names no step',
    where: 'Step Object, dependsOn',
    sentence:
      'A list of steps that MUST be completed before this step can be executed. Each value provided MUST be a `stepId`.',
  },
  'step-dependency-workflow-unknown': {
    code: 'workflow-unknown',
    severity: 'error',
    basis: 'MUST',
    summary: 'a step `dependsOn` entry whose workflow or Arazzo source does not exist',
    where: 'Step Object, dependsOn',
    sentence:
      'If the step is defined in a **separate Arazzo Document**, the workflow MUST be listed in `sourceDescriptions` and referenced using `$sourceDescriptions.<name>.<workflowId>.steps.<stepId>` to avoid ambiguity.',
  },
  'step-dependency-cycle': {
    code: 'dependency-cycle',
    severity: 'error',
    basis: 'impossible',
    summary: 'steps that depend on each other, through `dependsOn` or output references',
    where: 'Step Object, Step Dependencies and Execution Order, Tool Behavior',
    sentence:
      'Tools MUST respect all declared `dependsOn` relationships. Tools MUST also treat runtime expression output references (e.g., `$steps.stepId.outputs.field`) as implicit dependencies.',
  },
  'forward-reference-v10': {
    code: 'forward-reference',
    severity: 'warning',
    basis: 'SHOULD',
    summary:
      "in a 1.0 document, a step reading a later step's outputs (1.0 steps run in order, so the value is missing when read)",
    where:
      '1.1.0 Step Dependencies and Execution Order, Validation Recommendations, applied to 1.0 documents (1.0.1 has no such sentence, hence a warning)',
    sentence:
      "When no `dependsOn` is used in a workflow (sequential execution model), implementations SHOULD produce an error if a step references another step's outputs where the referenced step appears later in the steps array.",
  },
  'forward-reference': {
    code: 'forward-reference',
    severity: 'error',
    basis: 'impossible',
    summary: "a step reading a later step's outputs in a workflow without step `dependsOn`",
    where: 'Step Object, Step Dependencies and Execution Order, Validation Recommendations',
    sentence:
      "When no `dependsOn` is used in a workflow (sequential execution model), implementations SHOULD produce an error if a step references another step's outputs where the referenced step appears later in the steps array.",
  },
  'selector-invalid': {
    code: 'selector-invalid',
    severity: 'error',
    basis: 'MUST',
    summary: 'a Selector Object `selector` or a replacement `target` that does not compile as its type says',
    where: 'Selector Object, selector and type; Payload Replacement Object, targetSelectorType',
    sentence:
      'If `jsonpath`, then the expression MUST conform to JSONPath. If `xpath` the expression MUST conform to XML Path Language 3.1.',
  },
  'source-not-by-identity': {
    code: 'source-not-by-identity',
    severity: 'warning',
    basis: 'RECOMMENDED',
    summary:
      'an Arazzo source that declares a `$self` named by another URI (its location): found by location, which is not interoperable',
    where: 'Identity-Based Referencing',
    sentence:
      "when referencing an Arazzo Description by URI, references MUST use the target document's `$self` URI if the `$self` field is present in that document. [...] Implementations MAY support referencing by other identifiers (such as retrieval URIs), but this behavior is not interoperable and relying on it is NOT RECOMMENDED.",
  },
  'source-reference-shadowed': {
    code: 'source-reference-shadowed',
    severity: 'warning',
    basis: 'portability',
    summary:
      '`$sourceDescriptions.<name>.<field>` read as a value where that source has an operationId (or workflowId) of the same name: it resolves to the operation, not the field, and 1.0 readers disagree',
    where: 'Runtime Expressions, Source Description Expression Resolution',
    sentence: SOURCE_ORDER,
  },
  'source-reference-shadowed-path': {
    code: 'source-reference-shadowed',
    severity: 'error',
    basis: 'impossible',
    summary:
      'an `operationPath` or `channelPath` whose `{$sourceDescriptions.<name>.url}` resolves to an operation or workflow named `url`, so it names no source document',
    where: 'Step Object, operationPath and channelPath; Source Description Expression Resolution',
    sentence: SOURCE_ORDER,
  },
  'source-reference-unknown': {
    code: 'reference-unknown',
    severity: 'error',
    basis: 'impossible',
    summary:
      '`$sourceDescriptions.<name>.<reference>` read as a value where the (loaded) source has no such operationId or workflowId and its Source Description Object no such field',
    where: 'Runtime Expressions, Source Description Expression Resolution',
    sentence: SOURCE_ORDER,
  },
  'replacement-selector-mismatch': {
    code: 'selector-invalid',
    severity: 'error',
    basis: 'MUST',
    summary:
      'a replacement `targetSelectorType` that cannot apply to its payload: `xpath` on a JSON payload, `jsonpath` or `jsonpointer` on an XML one',
    where: 'Payload Replacement Object, target and targetSelectorType',
    sentence:
      'A JSON Pointer, or XPath Expression, or JSONPath which MUST be resolved against the request body. Used to identify the location to inject the `value`.',
  },
  'selector-context-invalid': {
    code: 'expression-invalid',
    severity: 'error',
    basis: 'MUST',
    summary: 'a Selector Object `context` that is not a runtime expression',
    where: 'Selector Object, context',
    sentence: 'A Runtime Expression which MUST evaluate to structured data (e.g., `$response.body`).',
  },
  'querystring-with-query': {
    code: 'parameter-invalid',
    severity: 'error',
    basis: 'MUST',
    summary: 'a step passing both `querystring` and `query` parameters, or two `querystring` ones',
    where: 'Parameter Object, in (querystring)',
    sentence:
      'The `querystring` location cannot coexist with `query` parameters in the same operation per OpenAPI constraints.',
  },
  'querystring-not-string': {
    code: 'parameter-invalid',
    severity: 'error',
    basis: 'MUST',
    summary: 'a `querystring` parameter whose literal value is not a string',
    where: 'Parameter Object, value',
    sentence:
      'For `querystring` parameters, the value MUST resolve to a string representing the complete query string.',
  },
  'action-parameters-ignored': {
    code: 'action-parameters-ignored',
    severity: 'warning',
    basis: 'portability',
    summary: '`parameters` on a success or failure action that names no `workflowId` (nothing receives them)',
    where: 'Success Action Object and Failure Action Object, parameters',
    sentence: 'A list of parameters that MUST be passed to a workflow as referenced by `workflowId`.',
  },
} as const satisfies Record<string, RuleRow>;
