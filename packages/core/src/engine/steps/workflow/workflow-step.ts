/**
 * The `workflow` step kind: the step's parameters become the inputs of the workflow it names, which
 * runs nested; in the step's criteria and outputs `$outputs` reads that workflow's outputs and
 * `$statusCode` the status of its last response (as the OAI pet-coupons example reads both; 1.0.1
 * leaves this open, and lint's `workflow-step-reads` warns). A 1.1 `timeout` bounds the nested run.
 */
import type { ExpressionContext } from '../../../expressions/context.js';
import { invokeWorkflow } from '../../run/invoke-workflow.js';
import type { KindOutcome, StepKind } from '../step-kind.js';
import { startStepTimeout } from './start-step-timeout.js';

/** Workflow steps (`workflowId`). */
export const workflowStep: StepKind<'workflow'> = {
  kind: 'workflow',
  async attempt({ frame, step, target, onMissing }): Promise<KindOutcome> {
    const inputs: Record<string, unknown> = {};
    for (const p of step.parameters) {
      const value = p.value.evaluate(frame.base, onMissing);
      if (value !== undefined) inputs[p.name] = value;
    }
    const timeout = startStepTimeout(frame, step);
    const run = await invokeWorkflow(frame, target.workflow, {
      inputs,
      via: 'step',
      stepId: step.stepId,
      ...(timeout === undefined ? {} : { signal: timeout.signal }),
    });
    const timedOut = timeout?.stop() === true && run.result?.status !== 'success';
    if (run.result === undefined) return { ctx: frame.base, error: run.error };
    const childOutputs = run.result.outputs;
    const statusCode = run.result.steps.findLast((s) => s.statusCode !== undefined)?.statusCode;
    const ctx: ExpressionContext = {
      ...frame.base,
      outputs: childOutputs,
      ...(statusCode === undefined ? {} : { statusCode }),
    };
    // 1.1.0 §Step Object `timeout`: the step fails (onFailure applies) however its nested run ended.
    const error = timedOut ? timeout?.error(run.result.error) : run.error;
    return error === undefined ? { ctx, childOutputs } : { ctx, childOutputs, error };
  },
};
