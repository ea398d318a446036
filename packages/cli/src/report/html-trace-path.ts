import type { DocumentGraph, GraphEdge } from '@telaio/core';
import type { HtmlAction, HtmlPath } from './html-types.js';

/** What the path needs of one execution. */
interface Step {
  readonly workflowId: string;
  readonly stepId: string;
  readonly depth: number;
  readonly attempts: readonly unknown[];
  readonly actions: readonly HtmlAction[];
  readonly status: 'success' | 'failure';
}

/**
 * The nodes and edges of `graph` a run went through, from its executions in the order they started:
 * the start edge into each workflow's first step run, the edge between consecutive executions of
 * one workflow invocation (the goto edge when that step took a goto there, else the next edge), the
 * call edge from a workflow step into the workflow it ran, retry edges of steps that ran again, the
 * edge to `done` after the last step of a workflow that succeeded (an end action's edge when one was
 * taken), and the end edge to `failed` when a failure action ended it. `failedNode` is the node of
 * the failing step. Steps the graph does not have (another document's workflow) are passed over.
 */
export function traceRunPath(options: {
  readonly graph: DocumentGraph;
  readonly workflowId: string;
  readonly executions: readonly Step[];
  readonly status: 'success' | 'failure';
  readonly failedStepId?: string;
}): HtmlPath {
  const { graph } = options;
  const workflowNode = new Map<string, string>();
  const stepNode = new Map<string, string>();
  for (const w of [...graph.workflows].reverse()) {
    workflowNode.set(w.workflowId, w.id);
    for (const s of w.steps) stepNode.set(`${w.workflowId}\u0000${s.stepId}`, s.id);
  }
  const nodeOf = (step: { workflowId: string; stepId: string }) =>
    stepNode.get(`${step.workflowId}\u0000${step.stepId}`);
  const ownerOf = (id: string) => id.split('.')[0] as string;
  const nodes: string[] = [];
  const edges = new Set<number>();
  const visit = (id: string | undefined): void => {
    if (id !== undefined && !nodes.includes(id)) nodes.push(id);
  };
  const take = (
    from: string | undefined,
    to: string | undefined,
    kinds: GraphEdge['kind'][],
    name?: string,
  ) => {
    if (from === undefined || to === undefined) return;
    const found = graph.edges
      .map((edge, index) => ({ edge, index }))
      .filter(({ edge }) => edge.from === from && edge.to === to && kinds.includes(edge.kind))
      .sort((a, b) => rank(a.edge, kinds, name) - rank(b.edge, kinds, name))[0];
    if (found !== undefined) edges.add(found.index);
  };
  const previous: (Step | undefined)[] = [];
  const open: (Step | undefined)[] = [];
  for (const step of options.executions) {
    const node = nodeOf(step);
    const before = previous[step.depth];
    if (before !== undefined && before.workflowId === step.workflowId) {
      const goto = before.actions.find((a) => a.type === 'goto' && a.targetStepId === step.stepId);
      take(nodeOf(before), node, goto === undefined ? ['next'] : ['goto'], goto?.name);
    } else if (node !== undefined) {
      take(`${ownerOf(node)}.start`, node, ['start']);
      const parent = open[step.depth - 1];
      const called = workflowNode.get(step.workflowId);
      if (parent !== undefined) take(nodeOf(parent), called, ['call', 'goto']);
      else take(called, workflowNode.get(options.workflowId), ['depends']);
    }
    visit(called(step, workflowNode));
    visit(node);
    if (step.attempts.length > 1)
      for (const retry of step.actions.filter((a) => a.type === 'retry'))
        take(
          node,
          retry.targetStepId === undefined ? node : nodeOf({ ...step, stepId: retry.targetStepId }),
          ['retry'],
          retry.name,
        );
    for (const goto of step.actions.filter((a) => a.type === 'goto' && a.targetWorkflowId !== undefined))
      take(node, workflowNode.get(goto.targetWorkflowId as string), ['goto'], goto.name);
    const end = step.actions.find((a) => a.type === 'end');
    if (end !== undefined && node !== undefined)
      take(node, `${ownerOf(node)}.${step.status === 'success' ? 'done' : 'failed'}`, ['end'], end.name);
    previous[step.depth] = step;
    previous.length = step.depth + 1;
    open[step.depth] = step;
    open.length = step.depth + 1;
  }
  const last = previous[0];
  if (options.status === 'success' && last !== undefined && last.actions.every((a) => a.type !== 'end')) {
    const node = nodeOf(last);
    if (node !== undefined) take(node, `${ownerOf(node)}.done`, ['next']);
  }
  const failing = [...options.executions]
    .reverse()
    .find(
      (s) =>
        s.status === 'failure' && (options.failedStepId === undefined || s.stepId === options.failedStepId),
    );
  const failedNode = options.status === 'failure' && failing !== undefined ? nodeOf(failing) : undefined;
  return {
    nodes,
    edges: [...edges].sort((a, b) => a - b),
    ...(failedNode === undefined ? {} : { failedNode }),
  };
}

/** The workflow node a workflow's first step belongs to (visited once the workflow runs). */
function called(step: Step, workflowNode: ReadonlyMap<string, string>): string | undefined {
  return step.depth > 0 ? workflowNode.get(step.workflowId) : undefined;
}

/** Lower is better: the kind asked for first, then an edge whose label names the action. */
function rank(edge: GraphEdge, kinds: readonly GraphEdge['kind'][], name: string | undefined): number {
  const named = name !== undefined && edge.label.includes(name) ? 0 : 1;
  return kinds.indexOf(edge.kind) * 2 + named;
}
