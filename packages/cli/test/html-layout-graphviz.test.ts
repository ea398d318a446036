/**
 * The HTML report's graph is laid out by Graphviz (the `dot` layout `telaio graph --format svg` uses),
 * because the simple column layout let edge labels run over each other and over boxes once a
 * workflow had several jumps. Checked on shop.arazzo.yml (Arazzo 1.0.1 §4.6.4-4.6.7: goto, retry,
 * end, a nested workflow, dependsOn) and the B2B TOTP enrollment seed: every node placed, every edge
 * routed, and no two of the boxes and edge labels overlap; the same check finds overlaps in the
 * simple layout, so it can fail.
 */
import path from 'node:path';
import { buildDocumentGraph, type DocumentGraph, resolveDocument } from '@telaio/core';
import { describe, expect, it } from 'vitest';
import { shorten } from '../src/report/html-escape.js';
import { type GraphLayout, LAYOUT, layoutGraph } from '../src/report/html-layout-graph.js';
import { layoutGraphviz } from '../src/report/html-layout-graphviz.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

async function graphOf(file: string): Promise<DocumentGraph> {
  const resolved = await resolveDocument(path.join(repoRoot, file), { cache: false });
  if (resolved.file === undefined) throw new Error(`not loaded: ${file}`);
  return buildDocumentGraph(resolved.file.document, resolved.index);
}

type Rect = { name: string; x: number; y: number; w: number; h: number };

/** Boxes of steps and externals, and each label's rectangle (6 units a character, as 10.5 px text). */
function rects(
  graph: DocumentGraph,
  layout: GraphLayout,
  labelAt: (i: number) => [number, number] | undefined,
  max: number,
): Rect[] {
  const boxes = [...layout.boxes.values()]
    .filter((b) => b.kind === 'step' || b.kind === 'external')
    .map((b) => ({ name: b.id, x: b.x, y: b.y, w: b.w, h: b.h }));
  const labels = graph.edges.flatMap((edge, i) => {
    const at = labelAt(i);
    if (edge.label === '' || at === undefined) return [];
    const w = shorten(edge.label, max).length * 5.6;
    return [{ name: `label ${edge.label}`, x: at[0] - w / 2, y: at[1] - 7, w, h: 13 }];
  });
  return [...boxes, ...labels];
}

function overlaps(list: readonly Rect[]): string[] {
  const found: string[] = [];
  list.forEach((a, i) => {
    for (const b of list.slice(i + 1))
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        found.push(`${a.name} × ${b.name}`);
  });
  return found;
}

describe('the HTML report’s graph layout (Graphviz dot, §4.6.4-4.6.7)', () => {
  for (const [file, root] of [
    ['packages/core/test/fixtures/graph/shop.arazzo.yml', 'order'],
    ['specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml', 'totp-enrollment'],
  ] as const)
    it(`${path.basename(file)}: every node placed, every edge routed, no box or label over another`, async () => {
      const graph = await graphOf(file);
      const layout = await layoutGraphviz(graph, root);
      expect(layout).toBeDefined();
      if (layout === undefined) return;
      const ids = graph.workflows.flatMap((w) => [w.id, ...w.steps.map((s) => s.id)]);
      for (const id of ids) expect(layout.boxes.has(id), id).toBe(true);
      expect([...(layout.routes?.keys() ?? [])].sort((a, b) => a - b)).toEqual(graph.edges.map((_, i) => i));
      for (const route of layout.routes?.values() ?? [])
        expect(route.d).toMatch(/^M[\d.]+,[\d.]+(?:[LC][\d., ]+)+$/);
      for (const box of layout.boxes.values()) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.w).toBeLessThanOrEqual(layout.width);
        expect(box.y + box.h).toBeLessThanOrEqual(layout.height);
      }
      const labelAt = (i: number) => layout.routes?.get(i)?.label as [number, number] | undefined;
      expect(overlaps(rects(graph, layout, labelAt, LAYOUT.routedLabel))).toEqual([]);
    });

  it('the simple column layout (kept for when Graphviz cannot load) does overlap on shop: the check can fail', async () => {
    const graph = await graphOf('packages/core/test/fixtures/graph/shop.arazzo.yml');
    const layout = layoutGraph(graph, 'order');
    // The simple layout's labels start at their anchor; the overlap check wants their centre.
    const html = (await import('../src/report/html-render-graph.js')).renderGraphSvg({
      graph,
      rootWorkflowId: 'order',
      path: { nodes: [], edges: [] },
      rows: new Map(),
      prefix: 'g',
      anchor: (i) => `x-${i}`,
      layout,
    });
    // Edges are drawn in the graph's order when none is taken: the i-th `<g class="edge` is edge i.
    const drawn = [...html.matchAll(/<g class="edge[^"]*"[^>]*>(.*?)<\/g>/g)].map((m) => {
      const text = /<text x="([\d.]+)" y="([\d.]+)">([^<]*)</.exec(m[1] ?? '');
      return text === null
        ? undefined
        : ([Number(text[1]) + (text[3]?.length ?? 0) * 2.8, Number(text[2]) - 4] as [number, number]);
    });
    expect(drawn).toHaveLength(graph.edges.length);
    const labelAt = (i: number) => drawn[i];
    expect(overlaps(rects(graph, layout, labelAt, LAYOUT.label)).length).toBeGreaterThan(0);
  });

  it('Arazzo 1.1.0 message steps and step dependsOn in the report graph: send/receive boxes, the dotted dependsOn edge', async () => {
    const graph = await graphOf('packages/core/test/fixtures/v11/pet-purchase.arazzo.yaml');
    const layout = await layoutGraphviz(graph, 'loginUserAndRetrievePet');
    const { renderGraphSvg } = await import('../src/report/html-render-graph.js');
    const svg = renderGraphSvg({
      graph,
      rootWorkflowId: 'loginUserAndRetrievePet',
      path: { nodes: [], edges: [] },
      rows: new Map(),
      prefix: 'g',
      anchor: (i) => `x-${i}`,
      ...(layout === undefined ? {} : { layout }),
    });
    expect(svg).toMatch(
      /data-node="0\.2">.*<text class="name"[^>]*>purchasePetStep<\/text><text class="detail"[^>]*>⇢ send placeOrder</s,
    );
    expect(svg).toMatch(/data-node="0\.3">.*<text class="detail"[^>]*>⇠ receive confirmOrder</s);
    expect(svg).toContain('<g class="edge depends" data-from="0.2" data-to="0.3"><title>dependsOn</title>');
  });
});
