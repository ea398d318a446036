// biome-ignore-all lint/suspicious/noThenProperty: JSON Schema's if/then keywords
import { workflowDefs } from './schema-defs-workflow.js';
import { strictObject } from './schema-fragments.js';

/** Outputs: names matching the spec's pattern (a MUST), values a runtime expression or a Selector Object. */
const outputs = {
  type: 'object',
  propertyNames: { pattern: '^[a-zA-Z0-9\\.\\-_]+$' },
  additionalProperties: {
    if: { type: 'object' },
    then: { $ref: '#/$defs/selector-object' },
    else: { type: 'string' },
  },
} as const;

/** An item that is a Reusable Object when it has `reference`, else the given object. */
const orReusable = (then: Record<string, unknown>) => ({
  if: { type: 'object', required: ['reference'] },
  then: { $ref: '#/$defs/reusable-object' },
  else: then,
});

const actionList = (ref: string) => ({ type: 'array', items: orReusable({ $ref: ref }) });

const TARGETS = ['operationId', 'operationPath', 'channelPath', 'workflowId'] as const;

/**
 * Workflow and step objects of Arazzo 1.1.0. A workflow is 1.0's with 1.1 outputs. A step gains
 * `channelPath` (a fourth exclusive target), `timeout` (milliseconds, a positive integer),
 * `correlationId`, `action` (send|receive) and `dependsOn`; which of those fit which kind of step
 * (AsyncAPI or not) needs the sources and is lint's to say.
 */
export const v11WorkflowDefs = {
  'workflow-object': {
    ...workflowDefs['workflow-object'],
    properties: { ...(workflowDefs['workflow-object'].properties as object), outputs },
  },
  'step-object': strictObject({
    properties: {
      stepId: { type: 'string' },
      description: { type: 'string' },
      operationId: { type: 'string' },
      operationPath: { type: 'string' },
      channelPath: { type: 'string' },
      workflowId: { type: 'string' },
      parameters: { type: 'array' },
      requestBody: { $ref: '#/$defs/request-body-object' },
      successCriteria: { type: 'array', minItems: 1, items: { $ref: '#/$defs/criterion-object' } },
      onSuccess: actionList('#/$defs/success-action-object'),
      onFailure: actionList('#/$defs/failure-action-object'),
      outputs,
      timeout: { type: 'integer', exclusiveMinimum: 0 },
      correlationId: { type: 'string' },
      action: { enum: ['send', 'receive'] },
      // Repeats: lint's `duplicate-depends-on` warning (only the published schema forbids them).
      dependsOn: { type: 'array', items: { type: 'string' } },
    },
    required: ['stepId'],
    extra: {
      allOf: [
        {
          'x-message':
            "a step must have exactly one of 'operationId', 'operationPath', 'channelPath' or 'workflowId'",
          oneOf: TARGETS.map((target) => ({ required: [target] })),
        },
        // `in` on an operation step's parameters is lint's `parameter-in-missing` (CONTRACT.md's
        // `parameter-invalid`), not a schema error.
        { properties: { parameters: { items: orReusable({ $ref: '#/$defs/parameter-object' }) } } },
      ],
    },
  }),
} as const;
