/**
 * Arazzo 1.1.0 §Step Dependencies and Execution Order: "Tools supporting only sequential execution
 * MUST execute steps in an order that satisfies both explicit (`dependsOn`) and implicit (output
 * reference) dependencies." In a workflow that uses step `dependsOn`, steps run in document order
 * except that a step waits until the steps of its workflow it depends on (by `dependsOn` or by
 * reading `$steps.<id>.outputs`) have had their turn. A cycle (lint's `step-dependency-cycle`)
 * leaves the rest in document order. Workflows without step `dependsOn` keep document order (a
 * forward reference there is lint's `forward-reference`).
 */
import type { StepPlan } from './plan-types.js';

const STEP_READ = /\$steps\.([A-Za-z0-9_-]+)\.outputs/g;

/** The stepIds of this workflow `step` depends on: its same-workflow dependsOn and the steps whose outputs it reads. */
function dependenciesOf(step: StepPlan, texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const d of step.dependsOn ?? []) if (d.workflowId === undefined) out.add(d.stepId);
  for (const text of texts) for (const m of text.matchAll(STEP_READ)) out.add(m[1] as string);
  out.delete(step.stepId);
  return out;
}

/**
 * For a workflow using step `dependsOn`: each step's same-workflow dependencies (explicit and
 * implicit) by stepId, for the concurrent scheduler. Undefined when no step declares dependsOn.
 */
export function stepDependencies(
  steps: readonly StepPlan[],
  readsOf: (step: StepPlan) => readonly string[],
): ReadonlyMap<string, readonly string[]> | undefined {
  if (steps.every((s) => s.dependsOn === undefined)) return undefined;
  const ids = new Set(steps.map((s) => s.stepId));
  return new Map(
    steps.map((step) => [step.stepId, [...dependenciesOf(step, readsOf(step))].filter((id) => ids.has(id))]),
  );
}

/** `steps` in an order satisfying their dependencies (stable: document order wherever free). */
export function orderSteps(
  steps: readonly StepPlan[],
  readsOf: (step: StepPlan) => readonly string[],
): StepPlan[] {
  if (steps.every((s) => s.dependsOn === undefined)) return [...steps];
  const ids = new Set(steps.map((s) => s.stepId));
  const pending = steps.map((step) => ({
    step,
    needs: new Set([...dependenciesOf(step, readsOf(step))].filter((id) => ids.has(id))),
  }));
  const placed = new Set<string>();
  const order: StepPlan[] = [];
  while (pending.length > 0) {
    let next = pending.findIndex((p) => [...p.needs].every((id) => placed.has(id)));
    if (next === -1) next = 0;
    const { step } = pending.splice(next, 1)[0] as { step: StepPlan };
    placed.add(step.stepId);
    order.push(step);
  }
  return order;
}
