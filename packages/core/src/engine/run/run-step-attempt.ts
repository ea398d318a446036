/**
 * One attempt of a step: an operation call or a nested workflow run, then successCriteria. A step
 * with no successCriteria succeeds when a response arrives ("All assertions MUST be satisfied": none
 * means nothing to fail); a send with no response never succeeds. For a step running a workflow,
 * criteria and outputs see that workflow's outputs as `$outputs`.
 */
import type { ReceivedResponse } from '../../adapters/transport.js';
import type { ExpressionContext, MissingValueListener } from '../../expressions/context.js';
import { criteriaFailure } from './criteria-failure.js';
import type { Frame } from './frame.js';
import type { StepPlan } from '../plan/plan-types.js';
import { runWorkflow } from './run-workflow.js';
import { sendOperation } from '../steps/operation/send-operation.js';
import { firstUnmetCriterion } from './test-criteria.js';
import type { RunError } from '../types.js';

/** The verdict of one attempt. */
export interface AttemptResult {
  readonly success: boolean;
  readonly ctx: ExpressionContext;
  readonly response?: ReceivedResponse;
  /** Why it failed (criteria, transport, nested workflow, abort). */
  readonly error?: RunError;
  /** For workflow steps: the nested workflow's outputs. */
  readonly childOutputs?: Readonly<Record<string, unknown>>;
}

/** Run one attempt of `step`. */
export async function runStepAttempt(options: {
  frame: Frame;
  step: StepPlan;
  attempt: number;
  onMissing: MissingValueListener;
}): Promise<AttemptResult> {
  const { frame, step, onMissing } = options;
  let ctx: ExpressionContext = frame.base;
  let response: ReceivedResponse | undefined;
  let childOutputs: Readonly<Record<string, unknown>> | undefined;
  if (step.workflow !== undefined) {
    const inputs: Record<string, unknown> = {};
    for (const p of step.parameters) {
      const value = p.value.evaluate(frame.base, onMissing);
      if (value !== undefined) inputs[p.name] = value;
    }
    const target = step.workflow.doc.workflows.get(step.workflow.workflowId);
    if (target === undefined)
      return {
        success: false,
        ctx,
        error: {
          code: 'workflow-unknown',
          message: `no workflow '${step.workflow.workflowId}'`,
          stepId: step.stepId,
        },
      };
    const child = await runWorkflow({
      state: frame.state,
      plan: target,
      inputs,
      depth: frame.scope.depth + 1,
      fromRunInputs: false,
    });
    childOutputs = child.outputs;
    // In a step that runs a workflow, `$outputs` reads that workflow's outputs (as in the OAI pet-coupons example).
    ctx = { ...frame.base, outputs: child.outputs };
    if (child.status === 'failure') {
      const code =
        child.error?.code === 'aborted' || child.error?.code === 'max-steps-exceeded'
          ? child.error.code
          : 'workflow-failed';
      return {
        success: false,
        ctx,
        childOutputs,
        error: {
          code,
          message: `workflow '${target.workflowId}' failed: ${child.error?.message ?? ''}`,
          stepId: step.stepId,
        },
      };
    }
  } else {
    const sent = await sendOperation({ frame, step, attempt: options.attempt, onMissing });
    ctx = sent.ctx;
    if (sent.error !== undefined) return { success: false, ctx, error: sent.error };
    response = sent.response;
  }
  const unmet = firstUnmetCriterion({
    frame,
    stepId: step.stepId,
    criteria: step.successCriteria,
    ctx,
    of: 'success',
    onMissing,
  });
  if (unmet === undefined) return { success: true, ctx, response, childOutputs };
  const error = criteriaFailure({ stepId: step.stepId, criterion: unmet, response });
  return { success: false, ctx, response, childOutputs, error };
}
