import type { DocumentGraph } from '@telaio/core';

/** A placed box: a step, a workflow's header, an external workflow, or a terminal (start/done/failed). */
export interface PlacedBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly kind: 'step' | 'workflow' | 'external' | 'start' | 'done' | 'failed';
  /** The column (workflow) it belongs to. */
  readonly column: number;
  /** Row within its column (header -1, start 0, steps from 1). */
  readonly row: number;
}

/** Where an edge runs: an SVG path ending at its arrow's tip, and the centre of its label. */
export interface EdgeRoute {
  readonly d: string;
  readonly label?: readonly [number, number];
}

/**
 * The laid-out graph: every box by id, and the drawing's size. A layout that routes its edges
 * (Graphviz's, html-layout-graphviz.ts) gives each edge's route by its index in the graph's edges
 * and each workflow's frame; without routes the renderer draws the simple layout's edges itself.
 */
export interface GraphLayout {
  readonly boxes: ReadonlyMap<string, PlacedBox>;
  readonly width: number;
  readonly height: number;
  readonly routes?: ReadonlyMap<number, EdgeRoute>;
  readonly frames?: readonly {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
  }[];
}

/** Sizes of the layout, in SVG user units. */
export const LAYOUT = {
  nodeW: 190,
  nodeH: 40,
  rowH: 64,
  gutter: 170,
  margin: 12,
  headerH: 28,
  terminal: 16,
  /** Longest edge label in the simple layout's gutter, and where a routed layout places labels. */
  label: 26,
  routedLabel: 34,
} as const;

/**
 * A layered layout, enough for Arazzo workflows (steps run in document order, actions jump): one
 * column per workflow, `rootWorkflowId`'s first, then the others in document order, then external
 * workflows; in each column the workflow's header, its start terminal, its steps top to bottom in
 * document order, and its done and failed terminals side by side under the last step. Jumps and
 * their labels go in the gutter right of each column. Pure and deterministic.
 */
export function layoutGraph(graph: DocumentGraph, rootWorkflowId: string): GraphLayout {
  const { nodeW, nodeH, rowH, gutter, margin, headerH, terminal } = LAYOUT;
  const boxes = new Map<string, PlacedBox>();
  const columns = [...graph.workflows].sort(
    (a, b) => Number(b.workflowId === rootWorkflowId) - Number(a.workflowId === rootWorkflowId),
  );
  let height = 0;
  const rowY = (row: number): number => margin + headerH + 12 + (row - 1) * rowH + rowH / 2;
  columns.forEach((workflow, column) => {
    const x = margin + column * (nodeW + gutter);
    const w = workflow.id.split(':')[1] as string;
    boxes.set(workflow.id, {
      id: workflow.id,
      x,
      y: margin,
      w: nodeW,
      h: headerH,
      kind: 'workflow',
      column,
      row: -1,
    });
    const cx = x + nodeW / 2;
    const startY = margin + headerH + 10;
    boxes.set(`${w}.start`, {
      id: `${w}.start`,
      x: cx - terminal / 2,
      y: startY,
      w: terminal,
      h: terminal,
      kind: 'start',
      column,
      row: 0,
    });
    workflow.steps.forEach((step, i) => {
      const y = rowY(i + 1) + terminal;
      boxes.set(step.id, { id: step.id, x, y, w: nodeW, h: nodeH, kind: 'step', column, row: i + 1 });
    });
    const endRow = workflow.steps.length + 1;
    const endY = rowY(endRow) + terminal + (nodeH - terminal) / 2;
    const both = workflow.terminals.includes('done') && workflow.terminals.includes('failed');
    for (const [name, dx] of [
      ['done', both ? -40 : 0],
      ['failed', both ? 40 : 0],
    ] as const) {
      const id = `${w}.${name}`;
      boxes.set(id, {
        id,
        x: cx + dx - terminal / 2,
        y: endY,
        w: terminal,
        h: terminal,
        kind: name,
        column,
        row: endRow,
      });
    }
    height = Math.max(height, endY + terminal + margin + 8);
  });
  graph.externals.forEach((external, i) => {
    const column = columns.length;
    const x = margin + column * (nodeW + gutter);
    const y = rowY(i + 1) + terminal;
    boxes.set(external.id, {
      id: external.id,
      x,
      y,
      w: nodeW,
      h: nodeH,
      kind: 'external',
      column,
      row: i + 1,
    });
    height = Math.max(height, y + nodeH + margin);
  });
  const count = columns.length + (graph.externals.length > 0 ? 1 : 0);
  return { boxes, width: margin * 2 + count * nodeW + Math.max(0, count - 1) * gutter + gutter, height };
}
