import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';

interface Edge {
  readonly to: number;
  /** Pointer of the dependsOn entry or the step's workflowId that makes the edge. */
  readonly pointer: string;
}

/**
 * `dependency-cycle`: workflows of this document that depend on each other in a circle, through
 * `dependsOn` or through steps that run a workflow. Each cycle is reported once, at the edge that
 * leaves its first workflow, naming the whole circle.
 */
export function checkDependencyCycles(context: LintContext): void {
  const workflows = asArray(context.root.workflows).map(asRecord);
  const ids = workflows.map((w) => asString(w?.workflowId));
  const indexOf = (ref: unknown): number => (typeof ref === 'string' ? ids.indexOf(ref) : -1);
  const edges: Edge[][] = workflows.map((w, i) => {
    const out: Edge[] = [];
    asArray(w?.dependsOn).forEach((ref, d) => {
      const to = indexOf(ref);
      if (to >= 0) out.push({ to, pointer: `/workflows/${i}/dependsOn/${d}` });
    });
    asArray(w?.steps).forEach((step, s) => {
      const to = indexOf(asRecord(step)?.workflowId);
      if (to >= 0) out.push({ to, pointer: `/workflows/${i}/steps/${s}/workflowId` });
    });
    return out;
  });
  for (const component of stronglyConnected(edges)) {
    const start = Math.min(...component);
    const members = new Set(component);
    const selfLoop = edges[start]!.find((e) => e.to === start);
    if (component.length === 1 && selfLoop === undefined) continue;
    const path = selfLoop === undefined ? walkCycle(edges, members, start) : [selfLoop];
    const names = [start, ...path.map((e) => e.to)].map((i) => `'${ids[i] ?? `#${i}`}'`);
    context.report({
      rule: 'dependency-cycle',
      message: `workflows depend on each other in a cycle: ${names.join(' → ')}`,
      pointer: path[0]!.pointer,
    });
  }
}

/** A shortest path of edges inside `members` from `start` back to `start` (breadth-first). */
function walkCycle(edges: readonly Edge[][], members: ReadonlySet<number>, start: number): Edge[] {
  const via = new Map<number, Edge & { from: number }>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const edge of edges[node]!) {
      if (!members.has(edge.to) || via.has(edge.to)) continue;
      via.set(edge.to, { ...edge, from: node });
      if (edge.to === start) queue.length = 0;
      else queue.push(edge.to);
      if (edge.to === start) break;
    }
  }
  const path: Edge[] = [];
  for (let at = start, guard = 0; guard <= members.size; guard++) {
    const edge = via.get(at);
    if (edge === undefined) break;
    path.unshift(edge);
    at = edge.from;
    if (at === start) break;
  }
  return path;
}

/** Tarjan's strongly connected components (iterative enough for any sane document). */
function stronglyConnected(edges: readonly Edge[][]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const result: number[][] = [];
  let counter = 0;
  const visit = (v: number): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { to } of edges[v]!) {
      if (!index.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(v, Math.min(low.get(v)!, index.get(to)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: number[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    result.push(component);
  };
  for (let v = 0; v < edges.length; v++) if (!index.has(v)) visit(v);
  return result;
}
