import type { DocumentGraph } from './graph-types.js';

/**
 * The part of `graph` that one workflow needs: that workflow and every workflow or external it
 * reaches by a call, a goto or dependsOn (transitively), with the edges among them; undefined when
 * no workflow has that id. Pure.
 */
export function selectWorkflowGraph(graph: DocumentGraph, workflowId: string): DocumentGraph | undefined {
  const start = graph.workflows.findIndex((w) => w.workflowId === workflowId);
  if (start < 0) return undefined;
  /** The workflow or external an id belongs to: `0.3` and `0.done` → `workflow:0`. */
  const owner = (id: string) => (/^\d+\./.test(id) ? `workflow:${id.split('.')[0]}` : id);
  const kept = new Set([`workflow:${start}`]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const edge of graph.edges) {
      const from = owner(edge.from);
      const to = owner(edge.to);
      const reached =
        edge.kind === 'depends' ? (kept.has(to) ? from : undefined) : kept.has(from) ? to : undefined;
      if (reached !== undefined && !kept.has(reached)) {
        kept.add(reached);
        grew = true;
      }
    }
  }
  return {
    ...(graph.title === undefined ? {} : { title: graph.title }),
    workflows: graph.workflows.filter((w) => kept.has(w.id)),
    externals: graph.externals.filter((x) => kept.has(x.id)),
    edges: graph.edges.filter((e) => kept.has(owner(e.from)) && kept.has(owner(e.to))),
  };
}
