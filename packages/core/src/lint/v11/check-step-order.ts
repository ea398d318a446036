import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { listSiteExpressions, type PlacedExpression } from './list-site-expressions.js';
import { isArazzo11, reportV11 } from './report-v11.js';

/** An edge `from` → `to`: step `from` needs step `to` done first; `pointer` is where it is said. */
interface Edge {
  readonly from: number;
  readonly to: number;
  readonly pointer: string;
  readonly explicit: boolean;
}

/**
 * Arazzo 1.1.0 §Step Dependencies and Execution Order. Explicit (`dependsOn` on a stepId of the same
 * workflow) and implicit (`$steps.<id>.outputs` references) dependencies must not form a cycle
 * (`dependency-cycle`, at the entry or expression that closes it). In a workflow with no step
 * `dependsOn`, a step reading a later step's outputs is a `forward-reference`, unless a goto or retry
 * can bring the run back after that later step. 1.0 documents (no step `dependsOn`: steps always
 * run in order) get the same finding as a warning: 1.0.1 itself asks for nothing here.
 */
export function checkStepOrder(context: LintContext): void {
  const v11 = isArazzo11(context);
  // Step expressions by workflow, once: each workflow reads only its own (not all, W times).
  const byWorkflow = new Map<number, PlacedExpression[]>();
  for (const placed of listSiteExpressions(context)) {
    const { scope, expression } = placed;
    if (scope.workflow === undefined || scope.step === undefined || expression.kind !== 'steps') continue;
    const list = byWorkflow.get(scope.workflow);
    if (list === undefined) byWorkflow.set(scope.workflow, [placed]);
    else list.push(placed);
  }
  asArray(context.root.workflows).forEach((workflow, w) => {
    const steps = asArray(asRecord(workflow)?.steps).map(asRecord);
    const index = new Map<string, number>();
    steps.forEach((step, s) => {
      const id = asString(step?.stepId);
      if (id !== undefined && !index.has(id)) index.set(id, s);
    });
    const edges: Edge[] = [];
    for (const [s, step] of steps.entries())
      for (const [i, entry] of asArray(step?.dependsOn).entries()) {
        const to = index.get(asString(entry) ?? '');
        if (to !== undefined && to !== s)
          edges.push({ from: s, to, pointer: `/workflows/${w}/steps/${s}/dependsOn/${i}`, explicit: true });
      }
    for (const { expression, pointer, scope } of byWorkflow.get(w) ?? []) {
      if (scope.step === undefined || expression.kind !== 'steps') continue;
      const to = index.get(expression.stepId);
      if (to !== undefined && to !== scope.step)
        edges.push({ from: scope.step, to, pointer, explicit: false });
    }
    const stepsOf = (i: number) => asString(steps[i]?.stepId) ?? String(i);
    const sequential = !v11 || steps.every((step) => step?.dependsOn === undefined);
    if (sequential) {
      for (const edge of edges)
        if (edge.to > edge.from && !canReturn(workflow, steps.length, index, edge))
          reportV11(context, v11 ? 'forward-reference' : 'forward-reference-v10', {
            message: `step '${stepsOf(edge.from)}' reads the outputs of step '${stepsOf(edge.to)}', which comes later and has not run yet (no step uses dependsOn, so steps run in order)`,
            pointer: edge.pointer,
          });
      return;
    }
    const reported = new Set<string>();
    for (const edge of findCycleEdges(steps.length, edges)) {
      const pair = [edge.from, edge.to].sort().join(' ');
      if (reported.has(pair)) continue;
      reported.add(pair);
      reportV11(context, 'step-dependency-cycle', {
        message: `steps '${stepsOf(edge.from)}' and '${stepsOf(edge.to)}' depend on each other (${edge.explicit ? 'dependsOn' : 'an output reference'} closes the cycle)`,
        pointer: edge.pointer,
      });
    }
  });
}

/** True when a goto/retry to a step at or before `edge.from` can run at or after `edge.to`. */
function canReturn(workflow: unknown, count: number, index: Map<string, number>, edge: Edge): boolean {
  const node = asRecord(workflow);
  const back = (list: unknown, from: number | 'any'): boolean =>
    asArray(list).some((action) => {
      const target = index.get(asString(asRecord(action)?.stepId) ?? '');
      return target !== undefined && target <= edge.from && (from === 'any' || from >= edge.to);
    });
  if (back(node?.successActions, 'any') || back(node?.failureActions, 'any')) return true;
  const steps = asArray(node?.steps);
  for (let s = edge.to; s < count; s++) {
    const step = asRecord(steps[s]);
    if (back(step?.onSuccess, s) || back(step?.onFailure, s)) return true;
  }
  return false;
}

/** One edge per cycle of the graph (the one found closing it in a depth-first walk). */
function findCycleEdges(count: number, edges: readonly Edge[]): Edge[] {
  const out: Edge[] = [];
  const state = new Array<0 | 1 | 2>(count).fill(0);
  const visit = (node: number): void => {
    state[node] = 1;
    for (const edge of edges) {
      if (edge.from !== node) continue;
      if (state[edge.to] === 1) out.push(edge);
      else if (state[edge.to] === 0) visit(edge.to);
    }
    state[node] = 2;
  };
  for (let n = 0; n < count; n++) if (state[n] === 0) visit(n);
  return out;
}
