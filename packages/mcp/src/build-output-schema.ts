import type { Workflow, WorkflowDocument } from '@telaio/core';
import { deriveOutputTypes } from './derive-output-types.js';

/**
 * The `outputSchema` of a workflow's tool: the structured result (workflowId, status, outputs,
 * steps, and on failure the failed step and the reason). Each declared output is typed where its
 * expression tells (see deriveOutputTypes), except secret-looking ones not revealed, which arrive
 * masked and so are left untyped. No output is required: a failed run may have none.
 */
export function buildOutputSchema(options: {
  readonly document: WorkflowDocument;
  readonly workflow: Workflow;
  readonly isSecretName: (name: string) => boolean;
  readonly revealOutput: (workflowId: string, name: string) => boolean;
}): Record<string, unknown> {
  const { workflow } = options;
  const properties: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(deriveOutputTypes(options.document, workflow))) {
    const masked = options.isSecretName(name) && !options.revealOutput(workflow.workflowId, name);
    properties[name] = masked ? { description: 'masked unless the server reveals it' } : schema;
  }
  const text = { type: 'string' };
  return {
    type: 'object',
    properties: {
      workflowId: text,
      status: { type: 'string', enum: ['success', 'failure'] },
      outputs: { type: 'object', properties },
      steps: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            stepId: text,
            status: { type: 'string', enum: ['success', 'failure', 'skipped'] },
            statusCode: { type: 'integer' },
            attempts: { type: 'integer' },
            reason: text,
          },
          required: ['stepId', 'status'],
        },
      },
      failedStep: text,
      error: {
        type: 'object',
        properties: { code: text, message: text, stepId: text },
        required: ['code', 'message'],
      },
    },
    required: ['workflowId', 'status', 'outputs', 'steps'],
  };
}
