import type { DocumentGraph, GraphEdge } from '@telaio/core';
import { escapeHtml as e, shorten } from './html-escape.js';
import {
  type EdgeRoute,
  type GraphLayout,
  LAYOUT,
  layoutGraph,
  type PlacedBox,
} from './html-layout-graph.js';
import type { HtmlPath } from './html-types.js';

/**
 * The graph of a run's workflow as inline SVG (no script, no external resource), laid out by
 * layoutGraph: steps as boxes with their operation, workflow headers, start/done/failed terminals,
 * every edge with its label (failure paths dashed), and the path the run took drawn over the rest
 * (`taken` nodes and edges, the failing step `failed`). A step the run reached links to its first
 * row in the timeline (`anchor`), so the graph is navigable with the keyboard.
 */
export function renderGraphSvg(options: {
  readonly graph: DocumentGraph;
  readonly rootWorkflowId: string;
  readonly path: HtmlPath;
  /** The timeline row of each reached node's first execution, and how many times it ran. */
  readonly rows: ReadonlyMap<string, { readonly index: number; readonly count: number }>;
  /** Makes marker ids unique when a page holds several graphs. */
  readonly prefix: string;
  /** The id of the timeline row of an execution index (rowAnchor). */
  readonly anchor: (index: number) => string;
  /** Graphviz's layout (html-layout-graphviz.ts); the simple layoutGraph when absent. */
  readonly layout?: GraphLayout;
}): string {
  const { graph, path, rows, prefix, anchor } = options;
  const layout = options.layout ?? layoutGraph(graph, options.rootWorkflowId);
  const taken = new Set(path.nodes);
  const takenEdges = new Set(path.edges);
  const drawn = new Set(graph.edges.flatMap((edge) => [edge.from, edge.to]));
  const parts: string[] = [];
  for (const box of layout.boxes.values()) {
    if ((box.kind === 'start' || box.kind === 'done' || box.kind === 'failed') && !drawn.has(box.id))
      continue;
    parts.push(renderBox(box, graph, { taken, failed: path.failedNode, rows, anchor }));
  }
  const edges = graph.edges
    .map((edge, index) => ({ edge, index }))
    .sort((a, b) => Number(takenEdges.has(a.index)) - Number(takenEdges.has(b.index)))
    .map(({ edge, index }) =>
      renderEdge(edge, layout, takenEdges.has(index), prefix, layout.routes?.get(index)),
    );
  const frames = (layout.frames ?? []).map(
    (f) => `<rect class="frame" x="${f.x}" y="${f.y}" width="${f.w}" height="${f.h}" rx="6"/>`,
  );
  const markers = ['plain', 'taken']
    .map(
      (kind) =>
        `<marker id="${prefix}-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path class="arrow ${kind}" d="M0,0L10,5L0,10z"/></marker>`,
    )
    .join('');
  const title = `Graph of ${options.rootWorkflowId}: the path the run took is highlighted`;
  return [
    `<svg class="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-label="${e(title)}">`,
    `<defs>${markers}</defs>`,
    ...frames,
    ...edges,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** One box: a step (a link to its row when the run reached it), a workflow header, a terminal. */
function renderBox(
  box: PlacedBox,
  graph: DocumentGraph,
  state: {
    readonly taken: ReadonlySet<string>;
    readonly failed: string | undefined;
    readonly rows: ReadonlyMap<string, { readonly index: number; readonly count: number }>;
    readonly anchor: (index: number) => string;
  },
): string {
  const cls = [box.kind, state.taken.has(box.id) ? 'taken' : '', state.failed === box.id ? 'failed' : '']
    .filter((c) => c !== '')
    .join(' ');
  const { x, y, w, h } = box;
  if (box.kind === 'start' || box.kind === 'done' || box.kind === 'failed') {
    const r = w / 2;
    const inner =
      box.kind === 'start' ? '' : `<circle class="dot" cx="${x + r}" cy="${y + r}" r="${r - 4}"/>`;
    return `<g class="node ${cls}" data-node="${e(box.id)}"><title>${box.kind}</title><circle cx="${x + r}" cy="${y + r}" r="${r}"/>${inner}</g>`;
  }
  if (box.kind === 'workflow') {
    const workflow = graph.workflows.find((wf) => wf.id === box.id);
    const name = workflow?.workflowId ?? box.id;
    return `<g class="node ${cls}" data-node="${e(box.id)}"><title>workflow ${e(name)}${workflow?.summary === undefined ? '' : `: ${e(workflow.summary)}`}</title><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4"/><text x="${x + 8}" y="${y + 18}">${e(shorten(`workflow ${name}`, 30))}</text></g>`;
  }
  const step = graph.workflows.flatMap((wf) => wf.steps).find((s) => s.id === box.id);
  const external = graph.externals.find((x) => x.id === box.id);
  const name = step?.stepId ?? external?.workflowId ?? box.id;
  const detail =
    step === undefined
      ? `workflow in ${external?.source ?? '?'}`
      : step.kind === 'workflow'
        ? `→ workflow ${step.target}`
        : step.kind === 'message'
          ? `${step.action === 'receive' ? '⇠ receive' : '⇢ send'} ${lastName(step.target)}`
          : (step.operation ?? step.target);
  const row = state.rows.get(box.id);
  const count =
    row !== undefined && row.count > 1
      ? `<text class="count" x="${x + w - 8}" y="${y + 16}" text-anchor="end">×${row.count}</text>`
      : '';
  const body = `<title>${e(`${name}\n${detail}${step?.source === undefined ? '' : `\nsource: ${step.source}`}`)}</title><rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/><text class="name" x="${x + 10}" y="${y + 17}">${e(shorten(name, 24))}</text><text class="detail" x="${x + 10}" y="${y + 32}">${e(shorten(detail, 30))}</text>${count}`;
  if (row === undefined) return `<g class="node ${cls}" data-node="${e(box.id)}">${body}</g>`;
  const verdict = state.failed === box.id ? 'failed' : 'ran';
  return `<a href="#${state.anchor(row.index)}" class="node ${cls}" data-node="${e(box.id)}" aria-label="${e(`step ${name} ${verdict}: go to its row`)}">${body}</a>`;
}

/**
 * One edge: along its route when the layout has one (label centred on it), else straight down
 * between neighbours, an arc in the gutter for jumps, a curve across columns.
 */
function renderEdge(
  edge: GraphEdge,
  layout: GraphLayout,
  taken: boolean,
  prefix: string,
  route: EdgeRoute | undefined,
): string {
  const from = layout.boxes.get(edge.from);
  const to = layout.boxes.get(edge.to);
  if (from === undefined || to === undefined) return '';
  const cls = ['edge', edge.kind, edge.failure === true ? 'fail' : '', taken ? 'taken' : '']
    .filter((c) => c !== '')
    .join(' ');
  const title = edge.label === '' ? edge.kind : edge.label;
  const open = `<g class="${cls}" data-from="${e(edge.from)}" data-to="${e(edge.to)}"><title>${e(title)}</title>`;
  if (route !== undefined) {
    const text =
      edge.label === '' || route.label === undefined
        ? ''
        : `<text x="${route.label[0].toFixed(1)}" y="${(route.label[1] + 4).toFixed(1)}" text-anchor="middle">${e(shorten(edge.label, LAYOUT.routedLabel))}</text>`;
    return `${open}<path d="${route.d}" marker-end="url(#${prefix}-${taken ? 'taken' : 'plain'})"/>${text}</g>`;
  }
  const { rowH } = LAYOUT;
  let d: string;
  let label: [number, number] = [0, 0];
  const right = (b: PlacedBox) => b.x + b.w;
  const midY = (b: PlacedBox) => b.y + b.h / 2;
  if (from.id === to.id) {
    const x = right(from);
    d = `M${x},${from.y + 10}C${x + 46},${from.y - 14} ${x + 46},${from.y + from.h + 14} ${x},${from.y + from.h - 10}`;
    label = [x + 40, midY(from) + 4];
  } else if (from.column !== to.column || from.kind === 'workflow' || to.kind === 'workflow') {
    const [x1, y1] = [right(from), midY(from)];
    const [x2, y2] = [to.x, midY(to)];
    const bend = Math.max(40, (x2 - x1) / 2);
    d = `M${x1},${y1}C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2 - 2},${y2}`;
    label = [x1 + 10, y1 - 6];
  } else if (to.row === from.row + 1 && (edge.kind === 'next' || edge.kind === 'start')) {
    const cx = (b: PlacedBox) => b.x + b.w / 2;
    d = `M${cx(from)},${from.y + from.h}L${cx(to)},${to.y - 2}`;
  } else {
    const [x1, y1, x2, y2] = [right(from), midY(from), right(to) + 2, midY(to)];
    const bulge = 34 + Math.min(6, Math.abs(to.row - from.row)) * 14;
    const reach = Math.max(right(from), right(to)) + bulge;
    d = `M${x1},${y1}C${reach},${y1} ${reach},${y2} ${x2},${y2}`;
    label = [reach - bulge * 0.25 + 4, (y1 + y2) / 2 + (Math.abs(y2 - y1) < rowH ? 0 : 4)];
  }
  const text =
    edge.label === ''
      ? ''
      : `<text x="${label[0]}" y="${label[1]}">${e(shorten(edge.label, LAYOUT.label))}</text>`;
  return `${open}<path d="${d}" marker-end="url(#${prefix}-${taken ? 'taken' : 'plain'})"/>${text}</g>`;
}

/** The last name of an operation or channel reference: `placeOrder` of `$sourceDescriptions.x.placeOrder`, `orders` of `...#/channels/orders`. */
function lastName(target: string): string {
  return (
    target
      .split(/[./]/)
      .filter((part) => part !== '')
      .at(-1) ?? target
  );
}
