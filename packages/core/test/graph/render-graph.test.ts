/**
 * The renderers of `telaio graph` (Arazzo 1.0.1 §4.6.4-4.6.7 drawn): Mermaid flowchart and Graphviz
 * DOT from one model, labels escaped so that a quote or `#` in a document cannot break the output.
 */
import { describe, expect, it } from 'vitest';
import { buildDocumentGraph } from '../../src/graph/build-document-graph.js';
import { renderDot } from '../../src/graph/render-dot.js';
import { renderMermaid } from '../../src/graph/render-mermaid.js';

const graph = buildDocumentGraph({
  info: { title: 'T "quoted"' },
  workflows: [
    { workflowId: 'inner', steps: [{ stepId: 'only', operationId: 'op' }] },
    {
      workflowId: 'outer',
      summary: 'say "hi" #1',
      dependsOn: ['inner'],
      steps: [
        { stepId: 'call', workflowId: 'inner' },
        {
          stepId: 'b',
          operationPath: '{$sourceDescriptions.api.url}#/paths/~1x/get',
          onFailure: [{ name: 'again', type: 'retry', retryLimit: 2, retryAfter: 1 }],
        },
        { stepId: 'c', workflowId: '$sourceDescriptions.other.remote' },
      ],
    },
  ],
} as never);

describe('renderMermaid (§4.6.4 workflows as subgraphs)', () => {
  const text = renderMermaid(graph);
  it('one subgraph per workflow, escaped labels, action and call edges', () => {
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    expect(text).toContain('subgraph w1["outer: say #quot;hi#quot; #35;1"]');
    expect(text).toContain('s1_1["b<br/>{$sourceDescriptions.api.url}#35;/paths/~1x/get<br/>source: api"]');
    expect(text).toContain('s1_0 ==>|"calls"| w0');
    expect(text).toContain('s1_1 -.->|"✗ again: retry ≤2 after 1s"| s1_1');
    expect(text).toContain('x0{{"remote<br/>source: other"}}');
    expect(text).toContain('s1_2 ==>|"calls"| x0');
    expect(text).toContain('w0 -.->|"dependsOn"| w1');
    expect(text.match(/^\s+end$/gm)).toHaveLength(2);
  });
});

describe('renderDot (§4.6.4 workflows as clusters)', () => {
  const text = renderDot(graph);
  it('clusters, compound edges to a workflow through its start node, escaped strings', () => {
    expect(text.startsWith('digraph "T \\"quoted\\"" {\n')).toBe(true);
    expect(text).toContain('subgraph "cluster_1" {');
    expect(text).toContain('label="outer\\nsay \\"hi\\" #1";');
    expect(text).toContain('"1.0" -> "0.start" [lhead="cluster_0", label="calls", style=bold];');
    expect(text).toContain(
      '"1.1" -> "1.1" [label="again: retry ≤2 after 1s", color=red, fontcolor=red, style=dashed];',
    );
    expect(text).toContain(
      '"0.start" -> "1.start" [ltail="cluster_0", lhead="cluster_1", label="dependsOn", style=dotted];',
    );
    expect(text.trimEnd().endsWith('}')).toBe(true);
  });
});
