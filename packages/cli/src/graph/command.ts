import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { SHARED_FLAGS } from '../shared/flag-specs.js';

/** The output formats of `telaio graph`; the handler's renderer table is keyed by exactly these. */
export const GRAPH_FORMATS = ['mermaid', 'dot', 'svg'] as const;
/** One of GRAPH_FORMATS. */
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

/** The flags of `telaio graph`. */
const flags = {
  workflow: {
    kind: 'string',
    short: 'w',
    placeholder: 'ID',
    help: 'draw only this workflow (and the workflows it calls, jumps to or depends on)',
  },
  format: {
    kind: 'choice',
    short: 'f',
    choices: GRAPH_FORMATS,
    default: 'mermaid',
    help: 'Mermaid flowchart text (renders in GitHub Markdown), Graphviz DOT, or SVG laid out by Graphviz',
  },
  output: {
    ...SHARED_FLAGS.output,
    help: 'write the graph to FILE instead of standard output',
  },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type GraphFlags = typeof flags;

/** `telaio graph FILE`: the workflows of a document drawn as a graph. */
export const graphCommand = defineCommand({
  name: 'graph',
  summary: 'draw the workflows of a document as a graph (Mermaid, DOT or SVG)',
  description: `Draw each workflow of the Arazzo document FILE as a graph: its steps in order with each
step's operation (method and path when the source is found) and source, success and failure actions
as labelled edges (goto, retry with its limit and wait, end; failure paths dashed), calls of other
workflows as edges to their subgraphs, and workflow and step dependsOn. Problems in the document are
reported on standard error; whatever can still be read is drawn. SVG is laid out by Graphviz\ncompiled to WebAssembly (@viz-js/viz, loaded only for --format svg): no browser, no native binary.`,
  positionals: { name: 'FILE', min: 1, max: 1 },
  flags,
  sections: [
    {
      title: 'Exit status',
      text: `0 drawn, 1 the document has errors (reported on standard error; still drawn where it
can be), 2 bad usage (unknown workflow, unreadable FILE).`,
    },
  ],
  examples: [
    'telaio graph specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml',
    'telaio graph flow.arazzo.yaml --workflow checkout --format dot | dot -Tsvg > checkout.svg',
    'telaio graph flow.arazzo.yaml --output flow.mmd',
  ],
  handler: async () => (await import('./handle-graph.js')).handleGraph,
});
