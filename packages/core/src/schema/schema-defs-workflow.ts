// biome-ignore-all lint/suspicious/noThenProperty: JSON Schema's if/then keywords
import { outputsMap, strictObject } from './schema-fragments.js';

/** An item that is a Reusable Object when it has `reference`, else the given object (same verdict as oneOf). */
const orReusable = (ref: string, then?: Record<string, unknown>) => ({
  if: { type: 'object', required: ['reference'] },
  then: { $ref: '#/$defs/reusable-object' },
  else: then ?? { $ref: ref },
});

// uniqueItems on arrays of objects is checked by lint (check-unique-items.ts) in linear time: ajv's
// pairwise deep comparison is quadratic. A repeated dependsOn entry is a lint warning too: only the
// published schema, not the text, forbids it.
const actionList = (ref: string) => ({ type: 'array', items: orReusable(ref) });

/** Workflow and step objects. */
export const workflowDefs = {
  'workflow-object': strictObject({
    properties: {
      workflowId: { type: 'string' },
      summary: { type: 'string' },
      description: { type: 'string' },
      inputs: { $ref: '#/$defs/schema' },
      dependsOn: { type: 'array', items: { type: 'string' } },
      // No uniqueItems (see arazzo-schema.ts): identical steps share a stepId, a `duplicate-id` error.
      steps: { type: 'array', minItems: 1, items: { $ref: '#/$defs/step-object' } },
      successActions: actionList('#/$defs/success-action-object'),
      failureActions: actionList('#/$defs/failure-action-object'),
      outputs: outputsMap,
      parameters: { type: 'array', items: orReusable('#/$defs/parameter-object') },
    },
    required: ['workflowId', 'steps'],
  }),
  'step-object': strictObject({
    properties: {
      stepId: { type: 'string' },
      description: { type: 'string' },
      operationId: { type: 'string' },
      operationPath: { type: 'string' },
      workflowId: { type: 'string' },
      // `in` on an operation step's parameters is lint's `parameter-invalid` (CONTRACT.md), not a schema error.
      parameters: { type: 'array', items: orReusable('#/$defs/parameter-object') },
      requestBody: { $ref: '#/$defs/request-body-object' },
      successCriteria: {
        type: 'array',
        minItems: 1,
        items: { $ref: '#/$defs/criterion-object' },
      },
      onSuccess: actionList('#/$defs/success-action-object'),
      onFailure: actionList('#/$defs/failure-action-object'),
      outputs: outputsMap,
    },
    required: ['stepId'],
    extra: {
      allOf: [
        {
          'x-message': "a step must have exactly one of 'operationId', 'operationPath' or 'workflowId'",
          oneOf: [
            { required: ['operationId'] },
            { required: ['operationPath'] },
            { required: ['workflowId'] },
          ],
        },
      ],
    },
  }),
} as const;
