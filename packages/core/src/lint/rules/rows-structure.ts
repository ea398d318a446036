import type { RuleRow } from './rule-table.js';

const ID_SHOULD = 'SHOULD conform to the regular expression `[A-Za-z0-9_\\-]+`.';

/** Ids, names and lists: uniqueness, naming patterns, dependency order. */
export const structureRows = {
  'duplicate-id': {
    code: 'duplicate-id',
    severity: 'error',
    basis: 'MUST',
    summary: 'a workflowId, a stepId (in its workflow) or a sourceDescription name given twice',
    where: 'Workflow Object workflowId; Step Object stepId; Source Description Object name',
    sentence:
      'The id MUST be unique amongst all workflows described in the Arazzo Description. / The `stepId` MUST be unique amongst all steps described in the workflow. / A unique name for the source description.',
  },
  'duplicate-parameter': {
    code: 'duplicate-id',
    severity: 'error',
    basis: 'MUST',
    summary: 'the same parameter (`name` and `in`) twice in one step or one workflow',
    where: 'Workflow Object and Step Object, parameters; Parameter Object',
    sentence:
      'The list MUST NOT include duplicate parameters. / A unique parameter is defined by the combination of a `name` and `in` fields.',
  },
  'duplicate-action': {
    code: 'schema',
    severity: 'error',
    basis: 'MUST',
    summary: 'the same success or failure action twice in one list',
    where: 'Workflow Object successActions/failureActions; Step Object onSuccess/onFailure',
    sentence: 'The list MUST NOT include duplicate success actions. (and: failure actions)',
  },
  'duplicate-item': {
    code: 'schema',
    severity: 'warning',
    basis: 'schema-only',
    summary:
      'the same criterion or payload replacement twice in one list: only the published JSON Schema (`uniqueItems`) forbids it, the text does not',
    where: 'published JSON Schema (arazzo 1.0 schema): successCriteria, criteria, replacements',
    sentence: '(no sentence: the text sets no uniqueness on criteria or replacements)',
  },
  'duplicate-depends-on': {
    code: 'schema',
    severity: 'warning',
    basis: 'schema-only',
    summary:
      'the same workflow twice in `dependsOn`: only the published JSON Schema (`uniqueItems`) forbids it',
    where: 'published JSON Schema (arazzo 1.0 schema): Workflow Object dependsOn',
    sentence:
      '(no sentence: "A list of workflows that MUST be completed before this workflow can be processed." sets no uniqueness)',
  },
  'id-not-portable': {
    code: 'id-not-portable',
    severity: 'warning',
    basis: 'SHOULD',
    summary:
      'a workflowId, stepId or sourceDescription name outside `[A-Za-z0-9_\\-]+`; expressions naming it still resolve (to the longest declared id that matches)',
    where: 'Workflow Object workflowId; Step Object stepId; Source Description Object name',
    sentence: `it is RECOMMENDED to follow common programming naming conventions. ${ID_SHOULD}`,
  },
  'output-name-invalid': {
    code: 'schema',
    severity: 'error',
    basis: 'MUST',
    summary:
      'a key of a workflow or step `outputs` map outside `^[a-zA-Z0-9.\\-_]+$` (the published schema lets it through)',
    where: 'Workflow Object outputs; Step Object outputs',
    sentence: 'The name MUST use keys that match the regular expression: `^[a-zA-Z0-9\\.\\-_]+$`.',
  },
  'dependency-cycle': {
    code: 'dependency-cycle',
    severity: 'error',
    basis: 'impossible',
    summary: 'workflows that depend on each other in a circle (`dependsOn` or steps running workflows)',
    where: 'Workflow Object, dependsOn',
    sentence: 'A list of workflows that MUST be completed before this workflow can be processed.',
  },
  'cross-document-cycle': {
    code: 'dependency-cycle',
    severity: 'error',
    basis: 'impossible',
    summary: 'workflows of different Arazzo documents whose steps call each other in a circle',
    where: 'Step Object, workflowId',
    sentence:
      'The workflowId referencing an existing workflow within the Arazzo Description. If the referenced workflow is contained within an `arazzo` type `sourceDescription`, then the `workflowId` MUST be specified using a Runtime Expression.',
  },
  'source-cycle': {
    code: 'source-cycle',
    severity: 'warning',
    basis: 'portability',
    summary: 'Arazzo documents that name each other as sources in a circle (telaio stops the loading there)',
    where: 'Source Description Object, type',
    sentence: 'The type of source description. Possible values are `"openapi"` or `"arazzo"`.',
  },
} as const satisfies Record<string, RuleRow>;
