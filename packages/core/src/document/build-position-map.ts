import type { LineCounter, Node } from 'yaml';
import type { PositionMap, SourcePosition, SourceRange } from '../model/positions.js';
import { parseYamlFast } from '../yaml/parse-yaml-fast.js';
import type { SpanEntry, SpanTable } from '../yaml/scan-state.js';
import { createLinePosition } from './find-line-position.js';
import { escapePointerToken } from './json-pointer.js';
import { requireYaml } from './require-yaml.js';

type LinePosition = (offset: number) => { line: number; col: number };

/**
 * A PositionMap of `text` built only when first asked for a range: by the fast YAML reader's
 * positions mode (yaml/parse-yaml-fast.ts; the same ranges as `yaml`, without loading it), or, where
 * that gives up (comment lines, flow entries, anchors, ...) or `fastReader` is false, by `yaml`
 * (positions kept).
 */
export function createLazyPositionMap(text: string, options: { fastReader?: boolean } = {}): PositionMap {
  let inner: PositionMap | undefined;
  const get = (): PositionMap => {
    if (inner === undefined) {
      const spans: SpanTable = new Map();
      const fast =
        options.fastReader === false
          ? undefined
          : parseYamlFast(text, { schema: 'core', json: false, spans });
      if (fast?.ok) {
        if (!spans.has('')) spans.set('', { value: [0, 0] });
        inner = positionMapOf(() => spans, createLinePosition(text), text.length);
      } else {
        const { LineCounter, parseDocument } = requireYaml();
        const lineCounter = new LineCounter();
        const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
        inner = buildPositionMap({ root: doc.contents, lineCounter, textLength: text.length });
      }
    }
    return inner;
  };
  return { rangeOf: (pointer) => get().rangeOf(pointer), keyRangeOf: (pointer) => get().keyRangeOf(pointer) };
}

/**
 * Build a PositionMap over a parsed `yaml` node tree. The tree is walked once, on the first lookup,
 * so documents that never need a position never pay for it.
 */
export function buildPositionMap(options: {
  root: Node | null;
  lineCounter: LineCounter;
  textLength: number;
}): PositionMap {
  const { root, lineCounter, textLength } = options;
  let entries: SpanTable | undefined;
  const table = (): SpanTable => {
    if (entries === undefined) {
      entries = new Map();
      walk(root, '', undefined, entries);
      if (!entries.has('')) entries.set('', { value: [0, 0] });
    }
    return entries;
  };
  return positionMapOf(table, lineCounter.linePos, textLength);
}

/** Lookups in a table of offsets by JSON Pointer (a missing pointer: its nearest recorded parent). */
function positionMapOf(table: () => SpanTable, linePos: LinePosition, textLength: number): PositionMap {
  const toPosition = (offset: number): SourcePosition => {
    const clamped = Math.max(0, Math.min(offset, textLength));
    const { line, col } = linePos(clamped);
    return { line, column: col, offset: clamped };
  };
  const toRange = ([start, end]: readonly [number, number]): SourceRange => ({
    start: toPosition(start),
    end: toPosition(Math.max(start, end)),
  });
  return {
    rangeOf(pointer: string): SourceRange {
      const map = table();
      let current = pointer;
      for (;;) {
        const entry = map.get(current);
        if (entry !== undefined) return toRange(entry.value);
        if (current === '') return toRange([0, 0]);
        current = current.slice(0, current.lastIndexOf('/'));
      }
    },
    keyRangeOf(pointer: string): SourceRange | undefined {
      const key = table().get(pointer)?.key;
      return key === undefined ? undefined : toRange(key);
    },
  };
}

/** Offsets [start, valueEnd] of a node, when the parser recorded them. */
function spanOf(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range === undefined ? undefined : [range[0], range[1]];
}

function walk(
  node: unknown,
  pointer: string,
  key: [number, number] | undefined,
  out: Map<string, SpanEntry>,
): void {
  const { isMap, isPair, isScalar, isSeq } = requireYaml();
  const value = spanOf(node) ?? key;
  if (value !== undefined && !out.has(pointer))
    out.set(pointer, key === undefined ? { value } : { value, key });
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key;
      const name = isScalar(k) ? String(k.value) : String(k);
      const keySpan = spanOf(k);
      walk(pair.value, `${pointer}/${escapePointerToken(name)}`, keySpan, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      walk(item, `${pointer}/${index}`, undefined, out);
    });
  }
}
