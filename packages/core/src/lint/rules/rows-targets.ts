import type { RuleRow } from './rule-table.js';

/** What steps, actions and parameters point at: operations, workflows, steps, parameters. */
export const targetRows = {
  'operation-unknown': {
    code: 'operation-unknown',
    severity: 'error',
    basis: 'MUST',
    summary: 'an `operationId` or `operationPath` that matches no operation of the OpenAPI sources',
    where: 'Step Object, operationId and operationPath',
    sentence:
      'The operation being referenced MUST be described within one of the `sourceDescriptions` descriptions.',
  },
  'operation-ambiguous': {
    code: 'operation-ambiguous',
    severity: 'error',
    basis: 'MUST',
    summary: 'an unqualified `operationId` found in more than one source',
    where: 'Step Object, operationId',
    sentence:
      'If multiple (non `arazzo` type) `sourceDescriptions` are defined, then the `operationId` MUST be specified using a Runtime Expression (e.g., `$sourceDescriptions.<name>.<operationId>`) to avoid ambiguity or potential clashes.',
  },
  'operation-id-short-form': {
    code: 'operation-id-short-form',
    severity: 'warning',
    basis: 'portability',
    summary:
      "Redocly Respect's `operationId: sourceName.operationId` short form: it runs, but other tools read it as one operationId; write `$sourceDescriptions.sourceName.operationId`",
    where: 'Step Object, operationId',
    sentence:
      'If multiple (non `arazzo` type) `sourceDescriptions` are defined, then the `operationId` MUST be specified using a Runtime Expression (e.g., `$sourceDescriptions.<name>.<operationId>`) to avoid ambiguity or potential clashes.',
  },
  'operation-in-arazzo-source': {
    code: 'operation-unknown',
    severity: 'error',
    basis: 'impossible',
    summary:
      'an `operationId`/`operationPath` that can only resolve against a source of type `arazzo`, which holds no operations',
    where: 'Step Object, operationId and operationPath',
    sentence:
      'The name of an existing, resolvable operation, as defined with a unique `operationId` and existing within one of the `sourceDescriptions`.',
  },
  'workflow-unknown': {
    code: 'workflow-unknown',
    severity: 'error',
    basis: 'MUST',
    summary: 'a `workflowId` (step, action) or `dependsOn` entry that names no workflow',
    where: 'Workflow Object dependsOn; Step Object workflowId; Success/Failure Action Object workflowId',
    sentence:
      'Each value provided MUST be a `workflowId`. / The workflowId referencing an existing workflow within the Arazzo Description.',
  },
  'workflow-in-openapi-source': {
    code: 'workflow-unknown',
    severity: 'error',
    basis: 'MUST',
    summary:
      'a `workflowId`, `dependsOn` entry or action that points at a workflow in a source of type `openapi`',
    where: 'Workflow Object dependsOn; Step Object workflowId',
    sentence:
      'If the workflow is defined in a separate Arazzo Document then the workflow MUST be defined in the `sourceDescriptions` and the `workflowId` MUST be specified using a Runtime Expression.',
  },
  'step-unknown': {
    code: 'step-unknown',
    severity: 'error',
    basis: 'MUST',
    summary: "a `goto`/`retry` action's `stepId` that is not a step of its workflow",
    where: 'Success Action Object and Failure Action Object, stepId',
    sentence: 'The referenced `stepId` MUST be within the current workflow.',
  },
  'parameter-in-missing': {
    code: 'parameter-invalid',
    severity: 'error',
    basis: 'MUST',
    summary: 'a parameter of an operation step without `in`',
    where: 'Parameter Object, in',
    sentence:
      'In all other scenarios (e.g., a step specifies an `operationId`), the `in` field MUST be specified.',
  },
  'parameter-undeclared': {
    code: 'parameter-invalid',
    severity: 'warning',
    basis: 'portability',
    summary:
      'a parameter the OpenAPI operation does not declare (often an auth header the OpenAPI models as a security scheme): sent as written',
    where: 'Parameter Object, value',
    sentence:
      'The value can be a constant or a Runtime Expression to be evaluated and passed to the referenced operation or workflow. (the text does not require the operation to declare it)',
  },
  'parameter-required-missing': {
    code: 'parameter-invalid',
    severity: 'error',
    basis: 'impossible',
    summary:
      'a parameter the request cannot go without (a `{name}` of the path template, a required query or header parameter not filled by an apiKey scheme) that neither the step nor its workflow supplies: the step cannot be sent',
    where: 'Step Object, parameters; Parameter Object, in (path)',
    sentence:
      "path - Used together with OpenAPI style Path Templating, where the parameter value is actually part of the operation's URL.",
  },
} as const satisfies Record<string, RuleRow>;
