import { describeNode } from './describe-node.js';
import type { DocumentGraph, GraphEdge } from './graph-types.js';

/**
 * A document graph as Graphviz DOT: one cluster per workflow (compound edges reach a cluster through
 * its start node), steps as rounded boxes, failure actions red, dependsOn dotted, calls bold. Pure.
 */
export function renderDot(graph: DocumentGraph): string {
  const lines = [
    `digraph ${quote(graph.title ?? 'arazzo')} {`,
    '  compound=true;',
    '  rankdir=TB;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const workflow of graph.workflows) {
    const w = workflow.id.slice('workflow:'.length);
    const title =
      workflow.summary === undefined ? workflow.workflowId : `${workflow.workflowId}\n${workflow.summary}`;
    lines.push(`  subgraph ${quote(`cluster_${w}`)} {`, `    label=${quote(title)};`);
    lines.push(`    ${quote(`${w}.start`)} [label="start", shape=oval];`);
    for (const step of workflow.steps)
      lines.push(`    ${quote(step.id)} [label=${quote(describeNode(step).join('\n'))}];`);
    for (const terminal of workflow.terminals)
      if (terminal !== 'start')
        lines.push(
          `    ${quote(`${w}.${terminal}`)} [label=${quote(terminal)}, shape=oval${terminal === 'failed' ? ', color=red' : ''}];`,
        );
    lines.push('  }');
  }
  for (const external of graph.externals)
    lines.push(
      `  ${quote(external.id)} [label=${quote(`${external.workflowId}\nsource: ${external.source}`)}, shape=hexagon];`,
    );
  for (const edge of graph.edges) lines.push(`  ${renderEdge(edge)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** One edge; an end at a workflow goes to its start node with lhead/ltail naming its cluster. */
function renderEdge(edge: GraphEdge): string {
  const attributes: string[] = [];
  const end = (id: string, side: 'lhead' | 'ltail') => {
    if (!id.startsWith('workflow:')) return id;
    const w = id.slice('workflow:'.length);
    attributes.push(`${side}=${quote(`cluster_${w}`)}`);
    return `${w}.start`;
  };
  const from = end(edge.from, 'ltail');
  const to = end(edge.to, 'lhead');
  if (edge.label !== '') attributes.push(`label=${quote(edge.label)}`);
  if (edge.failure === true) attributes.push('color=red', 'fontcolor=red');
  if (edge.kind === 'retry' || edge.kind === 'depends')
    attributes.push(`style=${edge.kind === 'retry' ? 'dashed' : 'dotted'}`);
  if (edge.kind === 'call') attributes.push('style=bold');
  return `${quote(from)} -> ${quote(to)}${attributes.length === 0 ? '' : ` [${attributes.join(', ')}]`};`;
}

/** A DOT double-quoted string: backslashes and quotes escaped, newlines as `\n`. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
