import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { RunResult } from '@telaio/core';
import type { ResultMasker } from './types.js';

/** How a run's result is shown to the agent. */
export interface ResultView {
  readonly masker: ResultMasker;
  /** True when output `name` of `workflowId` is shown unmasked. */
  readonly revealOutput: (workflowId: string, name: string) => boolean;
}

/**
 * A run's result as an MCP tool result: `structuredContent` (workflowId, status, outputs, steps of
 * this workflow, and on failure `failedStep` and `error`) and the same as text for clients that
 * read only text. Secrets are masked (known values, secret-looking output names) except outputs
 * revealed on purpose. A failed workflow is a tool error (`isError`), so the agent sees why.
 */
export function toToolResult(result: RunResult, view: ResultView): CallToolResult {
  const { masker } = view;
  const outputs: Record<string, unknown> = masker.value({ ...result.outputs });
  for (const [name, value] of Object.entries(result.outputs))
    if (view.revealOutput(result.workflowId, name)) outputs[name] = value;
  const steps = result.steps
    .filter((step) => step.workflowId === result.workflowId)
    .map((step) => ({
      stepId: step.stepId,
      status: step.status,
      ...(step.statusCode === undefined ? {} : { statusCode: step.statusCode }),
      attempts: step.attempts,
      ...(step.status === 'failure' && step.reason !== undefined ? { reason: masker.text(step.reason) } : {}),
    }));
  const error = result.error;
  const structured = {
    workflowId: result.workflowId,
    status: result.status,
    outputs,
    steps,
    ...(error?.stepId === undefined ? {} : { failedStep: error.stepId }),
    ...(error === undefined
      ? {}
      : {
          error: {
            code: error.code,
            message: masker.text(error.message),
            ...(error.stepId === undefined ? {} : { stepId: error.stepId }),
          },
        }),
  };
  const headline =
    error === undefined
      ? `Workflow ${result.workflowId} succeeded.`
      : `Workflow ${result.workflowId} failed${error.stepId === undefined ? '' : ` at step ${error.stepId}`}: ${masker.text(error.message)} (${error.code})`;
  return {
    content: [{ type: 'text', text: `${headline}\n${JSON.stringify(structured, null, 2)}` }],
    structuredContent: structured,
    ...(result.status === 'failure' ? { isError: true } : {}),
  };
}
