/**
 * The `workflow` step kind: the step's parameters become the inputs of the workflow it names, which
 * runs nested; in the step's criteria and outputs `$outputs` reads that workflow's outputs and
 * `$statusCode` the status of its last response (as the OAI pet-coupons example reads both; 1.0.1
 * leaves this open, and lint's `workflow-step-reads` warns).
 */
import type { ExpressionContext } from '../../../expressions/context.js';
import { invokeWorkflow } from '../../run/invoke-workflow.js';
import type { KindOutcome, StepKind } from '../step-kind.js';

/** Workflow steps (`workflowId`). */
export const workflowStep: StepKind<'workflow'> = {
  kind: 'workflow',
  async attempt({ frame, step, target, onMissing }): Promise<KindOutcome> {
    const inputs: Record<string, unknown> = {};
    for (const p of step.parameters) {
      const value = p.value.evaluate(frame.base, onMissing);
      if (value !== undefined) inputs[p.name] = value;
    }
    const run = await invokeWorkflow(frame, target.workflow, { inputs, via: 'step', stepId: step.stepId });
    if (run.result === undefined) return { ctx: frame.base, error: run.error };
    const childOutputs = run.result.outputs;
    const statusCode = run.result.steps.findLast((s) => s.statusCode !== undefined)?.statusCode;
    const ctx: ExpressionContext = {
      ...frame.base,
      outputs: childOutputs,
      ...(statusCode === undefined ? {} : { statusCode }),
    };
    return run.error === undefined ? { ctx, childOutputs } : { ctx, childOutputs, error: run.error };
  },
};
