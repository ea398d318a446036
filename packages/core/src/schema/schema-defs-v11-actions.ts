// biome-ignore-all lint/suspicious/noThenProperty: JSON Schema's if/then keywords
import { actionDefs } from './schema-defs-actions.js';

/** Action parameters: workflow inputs, so "The `in` field MUST NOT be used" (1.1.0 §Success Action Object). */
const actionParameters = {
  type: 'array',
  items: {
    if: { type: 'object', required: ['reference'] },
    then: { $ref: '#/$defs/reusable-object' },
    else: {
      allOf: [{ $ref: '#/$defs/parameter-object' }],
      not: { required: ['in'] },
      'x-message': "an action parameter is a workflow input: 'in' must not be used",
    },
  },
} as const;

/** A 1.0 action definition with 1.1's `parameters` added. */
function withParameters(definition: Record<string, unknown>): Record<string, unknown> {
  const properties = definition.properties as Record<string, unknown>;
  return { ...definition, properties: { ...properties, parameters: actionParameters } };
}

/**
 * Success and failure actions of Arazzo 1.1.0: the 1.0 definitions (with the same departures from
 * the published 1.0 schema) plus `parameters`. The criterion object is 1.0's too: its `type` refers
 * to `criterion-expression-type-object`, which the 1.1 schema defines with the 1.1 versions.
 */
export const v11ActionDefs = {
  'success-action-object': withParameters(actionDefs['success-action-object']),
  'failure-action-object': withParameters(actionDefs['failure-action-object']),
} as const;
