/** Criteria lists evaluated with one verdict event per criterion: all must hold (Criterion Object). */
import type { ExpressionContext, MissingValueListener } from '../expressions/context.js';
import type { Frame } from './frame.js';
import type { CriterionPlan } from './plan-types.js';

/** True when every criterion holds; stops at the first that does not. `of` names the list in events. */
export function testCriteria(options: {
  frame: Frame;
  stepId: string;
  criteria: readonly CriterionPlan[];
  ctx: ExpressionContext;
  of: string;
  onMissing: MissingValueListener;
}): boolean {
  const { frame, criteria, ctx } = options;
  const hook = frame.state.hooks.onCriterion;
  for (const criterion of criteria) {
    const passed = criterion.compiled.test(ctx, options.onMissing);
    hook?.({
      ...frame.scope,
      stepId: options.stepId,
      condition: criterion.condition,
      passed,
      of: options.of,
    });
    if (!passed) return false;
  }
  return true;
}
