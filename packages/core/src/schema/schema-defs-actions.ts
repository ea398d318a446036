// biome-ignore-all lint/suspicious/noThenProperty: JSON Schema's if/then keywords
import { criterionTypeSchema } from './schema-criterion-type.js';
import { strictObject } from './schema-fragments.js';

const criteriaList = (minItems: boolean) => ({
  type: 'array',
  ...(minItems ? { minItems: 1 } : {}),
  items: { $ref: '#/$defs/criterion-object' },
});

/** Exactly one of workflowId/stepId, with the message shown when that fails. */
const oneTarget = (kind: string) => ({
  'x-message': `a ${kind} action must name exactly one of 'workflowId' or 'stepId'`,
  oneOf: [{ required: ['workflowId'] }, { required: ['stepId'] }],
});

/**
 * Success/failure actions and criteria. Differences from the published 2024-08-01 schema, where the
 * specification text wins: a `retry` needs neither `retryAfter` nor a target (OAI #341/#342), and a
 * criterion's `type` may be a Criterion Expression Type Object (OAI #336) rather than flat fields.
 */
export const actionDefs = {
  'success-action-object': strictObject({
    properties: {
      name: { type: 'string' },
      type: { enum: ['end', 'goto'] },
      workflowId: { type: 'string' },
      stepId: { type: 'string' },
      criteria: criteriaList(true),
    },
    required: ['name', 'type'],
    extra: { allOf: [{ if: { properties: { type: { const: 'goto' } } }, then: oneTarget('goto') }] },
  }),
  'failure-action-object': strictObject({
    properties: {
      name: { type: 'string' },
      type: { enum: ['end', 'goto', 'retry'] },
      workflowId: { type: 'string' },
      stepId: { type: 'string' },
      retryAfter: { type: 'number', minimum: 0 },
      retryLimit: { type: 'integer', minimum: 0 },
      criteria: criteriaList(false),
    },
    required: ['name', 'type'],
    extra: {
      allOf: [
        { if: { properties: { type: { const: 'goto' } } }, then: oneTarget('goto') },
        {
          if: { properties: { type: { const: 'retry' } } },
          then: {
            'x-message': "a retry action may name 'workflowId' or 'stepId', not both",
            not: { required: ['workflowId', 'stepId'] },
          },
        },
      ],
    },
  }),
  'criterion-object': strictObject({
    properties: {
      context: { type: 'string' },
      condition: { type: 'string' },
      type: criterionTypeSchema('#/$defs/criterion-expression-type-object'),
    },
    required: ['condition'],
    extra: { dependentRequired: { type: ['context'] } },
  }),
  'criterion-expression-type-object': strictObject({
    properties: { type: { enum: ['jsonpath', 'xpath'] }, version: { type: 'string' } },
    required: ['type', 'version'],
    extra: {
      allOf: [
        {
          if: { required: ['type'], properties: { type: { const: 'jsonpath' } } },
          then: { properties: { version: { const: 'draft-goessner-dispatch-jsonpath-00' } } },
        },
        {
          if: { required: ['type'], properties: { type: { const: 'xpath' } } },
          then: { properties: { version: { enum: ['xpath-10', 'xpath-20', 'xpath-30'] } } },
        },
      ],
    },
  }),
} as const;
