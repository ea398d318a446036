import { describeNode } from './describe-node.js';
import type { DocumentGraph, EdgeKind } from './graph-types.js';

/** The arrow of each edge kind: failure and prerequisite edges dashed, workflow calls thick. */
const ARROWS: Record<EdgeKind, string> = {
  start: '-->',
  next: '-->',
  goto: '-->',
  retry: '-.->',
  end: '-->',
  call: '==>',
  depends: '-.->',
};

/**
 * A document graph as a Mermaid flowchart (renders in GitHub Markdown): one subgraph per workflow,
 * steps as boxes, start/done/failed as rounded terminals, external workflows as hexagons, failure
 * actions and dependsOn dashed, workflow calls thick. Pure.
 */
export function renderMermaid(graph: DocumentGraph): string {
  const lines = ['flowchart TD'];
  for (const workflow of graph.workflows) {
    const w = workflow.id.slice('workflow:'.length);
    const title =
      workflow.summary === undefined ? workflow.workflowId : `${workflow.workflowId}: ${workflow.summary}`;
    lines.push(`  subgraph ${mermaidId(workflow.id)}["${escapeLabel(title)}"]`, '    direction TB');
    lines.push(`    ${mermaidId(`${w}.start`)}(["start"])`);
    for (const step of workflow.steps)
      lines.push(`    ${mermaidId(step.id)}["${describeNode(step).map(escapeLabel).join('<br/>')}"]`);
    for (const terminal of workflow.terminals)
      if (terminal !== 'start') lines.push(`    ${mermaidId(`${w}.${terminal}`)}(["${terminal}"])`);
    lines.push('  end');
  }
  for (const external of graph.externals)
    lines.push(
      `  ${mermaidId(external.id)}{{"${escapeLabel(`${external.workflowId}<br/>source: ${external.source}`)}"}}`,
    );
  for (const edge of graph.edges) {
    const arrow = edge.failure === true && edge.kind !== 'retry' ? '-.->' : ARROWS[edge.kind];
    const label =
      edge.label === '' ? '' : `|"${escapeLabel(edge.failure === true ? `✗ ${edge.label}` : edge.label)}"|`;
    lines.push(`  ${mermaidId(edge.from)} ${arrow}${label} ${mermaidId(edge.to)}`);
  }
  const failed = graph.workflows.flatMap((w) =>
    w.terminals.includes('failed') ? [mermaidId(`${w.id.slice('workflow:'.length)}.failed`)] : [],
  );
  if (failed.length > 0)
    lines.push('  classDef failed stroke:#c62828,color:#c62828', `  class ${failed.join(',')} failed`);
  return `${lines.join('\n')}\n`;
}

/** A graph id as a Mermaid node id: `0.1` → `s0_1`, `workflow:0` → `w0`, `external:0` → `x0`. */
function mermaidId(id: string): string {
  if (id.startsWith('workflow:')) return `w${id.slice('workflow:'.length)}`;
  if (id.startsWith('external:')) return `x${id.slice('external:'.length)}`;
  return `s${id.replace('.', '_')}`;
}

/** Text safe inside a quoted Mermaid label (entity codes; `<br/>` added by the caller stays). */
function escapeLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/#lt;br\/#gt;/g, '<br/>');
}
