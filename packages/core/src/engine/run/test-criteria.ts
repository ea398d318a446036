/** Criteria lists evaluated with one verdict event per criterion: all must hold (Criterion Object). */
import type { ExpressionContext, MissingValueListener } from '../../expressions/context.js';
import type { CriterionPlan, StepPlan } from '../plan/plan-types.js';
import { type Frame, scopeOf } from './frame.js';

/** What testCriteria and firstUnmetCriterion take. `of` names the list in events. */
export interface CriteriaTest {
  frame: Frame;
  stepId: string;
  criteria: readonly CriterionPlan[];
  ctx: ExpressionContext;
  of: string;
  onMissing: MissingValueListener;
}

/** The first criterion that does not hold (evaluation stops there), or undefined when all hold. */
export function firstUnmetCriterion(options: CriteriaTest): CriterionPlan | undefined {
  const { frame, criteria, ctx } = options;
  const hook = frame.state.hooks.onCriterion;
  for (const criterion of criteria) {
    const passed = criterion.compiled.test(ctx, options.onMissing);
    hook?.({
      ...scopeOf(frame),
      stepId: options.stepId,
      condition: criterion.condition,
      passed,
      of: options.of,
    });
    if (!passed) return criterion;
  }
  return undefined;
}

/**
 * The first of `step`'s successCriteria that does not hold in `ctx` (events name the list
 * `success`), or undefined when all hold; a step without criteria builds nothing. Every kind of
 * attempt judges its success this way (run-step-attempt.ts, and message steps in judge-message.ts).
 */
export function unmetSuccessCriterion(
  frame: Frame,
  step: StepPlan,
  ctx: ExpressionContext,
  onMissing: MissingValueListener,
): CriterionPlan | undefined {
  if (step.successCriteria.length === 0) return undefined;
  return firstUnmetCriterion({
    frame,
    stepId: step.stepId,
    criteria: step.successCriteria,
    ctx,
    of: 'success',
    onMissing,
  });
}

/** True when every criterion holds; stops at the first that does not. */
export function testCriteria(options: CriteriaTest): boolean {
  return firstUnmetCriterion(options) === undefined;
}
