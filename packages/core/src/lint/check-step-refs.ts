import { didYouMean } from './closest-name.js';
import { collectActions } from './collect-actions.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';

/**
 * `step-unknown`: a `goto` or `retry` action's `stepId` must name a step of the workflow the action
 * belongs to. Component actions are checked where a workflow references them.
 */
export function checkStepRefs(context: LintContext): void {
  const workflows = asArray(context.root.workflows);
  for (const site of collectActions(context)) {
    const stepId = asString(site.action.stepId);
    if (stepId === undefined || site.workflow === undefined) continue;
    const workflow = asRecord(workflows[site.workflow]);
    const ids = asArray(workflow?.steps).flatMap((s) => asString(asRecord(s)?.stepId) ?? []);
    if (ids.includes(stepId)) continue;
    const name = asString(site.action.name);
    const via = site.reference === undefined ? '' : ` (through ${site.reference})`;
    const action = name === undefined ? 'action' : `action '${name}'`;
    const owner = asString(workflow?.workflowId) ?? `#${site.workflow}`;
    context.report({
      rule: 'step-unknown',
      message: `${action}${via} goes to stepId '${stepId}', which is not a step of workflow '${owner}'${didYouMean(stepId, ids)}`,
      pointer: site.reference === undefined ? `${site.pointer}/stepId` : site.pointer,
    });
  }
}
