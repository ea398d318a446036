import type { DocumentGraph } from '@telaio/core';
import { shorten } from './html-escape.js';
import { type EdgeRoute, type GraphLayout, LAYOUT, type PlacedBox } from './html-layout-graph.js';

/** Points per inch: Graphviz takes node sizes in inches, places in points (one point is one SVG unit here). */
const INCH = 72;
/** Height of a workflow's header inside its frame. */
const HEADER = 26;

/** The Graphviz instance, loaded once per process (WebAssembly, the one `telaio graph --format svg` uses). */
let graphviz: Promise<{ render(dot: string, options: { format: string }): GraphvizResult }> | undefined;

interface GraphvizResult {
  readonly status: string;
  readonly output?: string;
}

/** What Graphviz's `json` output holds that the layout reads. */
interface GraphvizJson {
  readonly bb: string;
  readonly objects?: readonly { readonly name: string; readonly pos?: string; readonly bb?: string }[];
  readonly edges?: readonly { readonly id?: string; readonly pos?: string; readonly lp?: string }[];
}

/**
 * The graph laid out by Graphviz's `dot` (ranked top to bottom, edges routed around the boxes, their
 * labels placed where they do not cover each other), as the same GraphLayout the simple layout
 * gives, plus each edge's route and each workflow's frame: every workflow a cluster, its header on
 * top, boxes of the report's own sizes (so the renderer draws what Graphviz placed, in the page's
 * own style and classes). Undefined when Graphviz cannot be loaded or fails: the caller falls back to
 * layoutGraph. Only positions come from Graphviz; no text of it reaches the page.
 */
export async function layoutGraphviz(
  graph: DocumentGraph,
  rootWorkflowId: string,
): Promise<GraphLayout | undefined> {
  try {
    graphviz ??= import('@viz-js/viz').then((viz) => viz.instance());
    const result = (await graphviz).render(toLayoutDot(graph, rootWorkflowId), { format: 'json' });
    if (result.status !== 'success' || result.output === undefined) return undefined;
    return fromJson(graph, JSON.parse(result.output) as GraphvizJson);
  } catch {
    return undefined;
  }
}

/** DOT for layout only: empty node labels of fixed size, edge labels as the renderer prints them. */
function toLayoutDot(graph: DocumentGraph, rootWorkflowId: string): string {
  const { nodeW, nodeH, terminal } = LAYOUT;
  const q = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
  const size = (w: number, h: number) => `width=${(w / INCH).toFixed(3)}, height=${(h / INCH).toFixed(3)}`;
  const lines = [
    'digraph {',
    '  compound=true; rankdir=TB; nodesep=0.35; ranksep=0.42; fontname="Helvetica";',
    `  node [shape=box, fixedsize=true, label="", ${size(nodeW, nodeH)}];`,
    '  edge [fontname="Helvetica", fontsize=10.5];',
  ];
  const workflows = [...graph.workflows].sort(
    (a, b) => Number(b.workflowId === rootWorkflowId) - Number(a.workflowId === rootWorkflowId),
  );
  for (const workflow of workflows) {
    const w = workflow.id.slice('workflow:'.length);
    lines.push(
      `  subgraph ${q(`cluster_${w}`)} {`,
      // The label only reserves the header's room; the renderer draws the header itself.
      `    label=${q(shorten(`workflow ${workflow.workflowId}`, 30))}; labeljust=l; fontsize=13; margin=10;`,
      `    ${q(`${w}.start`)} [shape=circle, ${size(terminal, terminal)}];`,
      ...workflow.steps.map((step) => `    ${q(step.id)};`),
      ...workflow.terminals
        .filter((t) => t !== 'start')
        .map((t) => `    ${q(`${w}.${t}`)} [shape=circle, ${size(terminal, terminal)}];`),
      '  }',
    );
  }
  for (const external of graph.externals) lines.push(`  ${q(external.id)};`);
  graph.edges.forEach((edge, index) => {
    const attributes = [`id=${q(`e${index}`)}`];
    const end = (id: string, side: 'lhead' | 'ltail') => {
      if (!id.startsWith('workflow:')) return id;
      const w = id.slice('workflow:'.length);
      attributes.push(`${side}=${q(`cluster_${w}`)}`);
      return `${w}.start`;
    };
    const from = end(edge.from, 'ltail');
    const to = end(edge.to, 'lhead');
    if (edge.label !== '') attributes.push(`label=${q(shorten(edge.label, LAYOUT.routedLabel))}`);
    if (edge.kind === 'depends') attributes.push('constraint=false');
    lines.push(`  ${q(from)} -> ${q(to)} [${attributes.join(', ')}];`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Graphviz's json (points, y up) as a GraphLayout (SVG units, y down, a margin around). */
function fromJson(graph: DocumentGraph, json: GraphvizJson): GraphLayout {
  const { nodeW, nodeH, terminal, margin } = LAYOUT;
  const [, , width = 0, height = 0] = json.bb.split(',').map(Number);
  const X = (x: number) => x + margin;
  const Y = (y: number) => height - y + margin;
  const point = (text: string): [number, number] => {
    const [x = 0, y = 0] = text.split(',').map(Number);
    return [X(x), Y(y)];
  };
  const centres = new Map<string, [number, number]>();
  const clusters = new Map<string, [number, number, number, number]>();
  for (const object of json.objects ?? []) {
    if (object.pos !== undefined) centres.set(object.name, point(object.pos));
    if (object.bb !== undefined && object.name.startsWith('cluster_')) {
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = object.bb.split(',').map(Number);
      clusters.set(object.name.slice('cluster_'.length), [X(x1), Y(y2), x2 - x1, y2 - y1]);
    }
  }
  const boxes = new Map<string, PlacedBox>();
  const place = (id: string, kind: PlacedBox['kind'], w: number, h: number, column: number, row: number) => {
    const centre = centres.get(id);
    if (centre !== undefined)
      boxes.set(id, { id, x: centre[0] - w / 2, y: centre[1] - h / 2, w, h, kind, column, row });
  };
  const frames: { id: string; x: number; y: number; w: number; h: number }[] = [];
  graph.workflows.forEach((workflow, column) => {
    const w = workflow.id.slice('workflow:'.length);
    const frame = clusters.get(w);
    if (frame !== undefined) {
      const [x, y, fw, fh] = frame;
      frames.push({ id: workflow.id, x, y, w: fw, h: fh });
      boxes.set(workflow.id, { id: workflow.id, x, y, w: fw, h: HEADER, kind: 'workflow', column, row: -1 });
    }
    place(`${w}.start`, 'start', terminal, terminal, column, 0);
    workflow.steps.forEach((step, i) => {
      place(step.id, 'step', nodeW, nodeH, column, i + 1);
    });
    for (const t of ['done', 'failed'] as const)
      place(`${w}.${t}`, t, terminal, terminal, column, workflow.steps.length + 1);
  });
  graph.externals.forEach((external, i) => {
    place(external.id, 'external', nodeW, nodeH, graph.workflows.length, i + 1);
  });
  const routes = new Map<number, EdgeRoute>();
  for (const edge of json.edges ?? []) {
    const index = Number(edge.id?.slice(1));
    if (!Number.isInteger(index) || edge.pos === undefined) continue;
    routes.set(index, {
      d: toPath(edge.pos, point),
      ...(edge.lp === undefined ? {} : { label: point(edge.lp) }),
    });
  }
  return { boxes, width: width + margin * 2, height: height + margin * 2, routes, frames };
}

/** A Graphviz spline (`e,x,y s,x,y p0 p1 p2 p3 ...`: cubic Bézier pieces) as an SVG path ending at the arrow's tip. */
function toPath(pos: string, point: (text: string) => [number, number]): string {
  const parts = pos.split(/\s+/).filter((p) => p !== '');
  const end = parts.find((p) => p.startsWith('e,'));
  const start = parts.find((p) => p.startsWith('s,'));
  const points = parts.filter((p) => !p.startsWith('e,') && !p.startsWith('s,')).map(point);
  const f = ([x, y]: [number, number]) => `${x.toFixed(1)},${y.toFixed(1)}`;
  let d = start === undefined ? '' : `M${f(point(start.slice(2)))}L`;
  d += d === '' ? `M${f(points[0] ?? [0, 0])}` : f(points[0] ?? [0, 0]);
  for (let i = 1; i + 2 < points.length; i += 3)
    d += `C${f(points[i] as [number, number])} ${f(points[i + 1] as [number, number])} ${f(points[i + 2] as [number, number])}`;
  if (end !== undefined) d += `L${f(point(end.slice(2)))}`;
  return d;
}

/** The layout of every run's graph (Graphviz; undefined where there is no graph or Graphviz failed). */
export async function layoutRunGraphs(
  runs: readonly { readonly graph?: DocumentGraph; readonly workflowId: string }[],
): Promise<(GraphLayout | undefined)[]> {
  const layouts: (GraphLayout | undefined)[] = [];
  for (const run of runs)
    layouts.push(run.graph === undefined ? undefined : await layoutGraphviz(run.graph, run.workflowId));
  return layouts;
}
