import { actionDefs } from './schema-defs-actions.js';
import { objectDefs } from './schema-defs-objects.js';
import { workflowDefs } from './schema-defs-workflow.js';
import { extensions } from './schema-fragments.js';

/**
 * telaio's JSON Schema (draft 2020-12) for Arazzo 1.0.x documents. It gives the same verdicts as the
 * published schema (reference/arazzo-1.0-schema.yaml) except where the specification text wins:
 * `retry` actions need neither `retryAfter` nor a target (OAI #341/#342) and a criterion `type` may be
 * a Criterion Expression Type Object (OAI #336). Written with `additionalProperties` rather than
 * `unevaluatedProperties` (equivalent here) so unknown-field errors name the field. Nodes may carry
 * `x-message`: the message shown when the composite keyword beneath them fails.
 */
export const arazzoSchema = {
  $id: 'https://telaio.dev/schema/arazzo-1.0.json',
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    arazzo: { type: 'string', pattern: '^1\\.0\\.\\d+(-.+)?$' },
    info: { $ref: '#/$defs/info' },
    // No uniqueItems on sourceDescriptions, workflows or steps (the published schema has it): ajv
    // compares every pair of items deeply, quadratic in a large document, and two identical items
    // share their name/workflowId/stepId, which lint's `duplicate-id` reports as an error anyway.
    // Other arrays of objects: lint's check-unique-items, in linear time.
    sourceDescriptions: { type: 'array', minItems: 1, items: { $ref: '#/$defs/source-description-object' } },
    workflows: { type: 'array', minItems: 1, items: { $ref: '#/$defs/workflow-object' } },
    components: { $ref: '#/$defs/components-object' },
  },
  required: ['arazzo', 'info', 'sourceDescriptions', 'workflows'],
  patternProperties: extensions,
  additionalProperties: false,
  $defs: { ...objectDefs, ...workflowDefs, ...actionDefs },
} as const;
