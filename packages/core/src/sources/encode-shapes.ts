import type { ResponseShape } from './types.js';

/** Response shapes of a list of operations in their on-disk form (see decodeShape for the grammar). */
export interface EncodedShapes {
  /** Subtrees used more than once (Stytch's member and organization objects recur in most responses). */
  readonly table: readonly string[];
  /** Per operation, in order: status → encoded shape, or 0 when it has none. */
  readonly byOperation: readonly (Readonly<Record<string, string>> | 0)[];
}

const TYPE_LETTER: Readonly<Record<string, string>> = {
  string: 's',
  number: 'n',
  integer: 'i',
  boolean: 'b',
};
const escapeName = (name: string): string => name.replace(/[\\{}[\],:*&]/g, (c) => `\\${c}`);

/**
 * Encode shapes compactly for the disk cache: `*` open, a type letter, `{name:node,name}` properties,
 * `[node]` items, and `&N` for the Nth entry of a table of repeated subtrees. Stytch's B2B shapes
 * take about a tenth of their JSON size this way, so a warm run parses little more than before.
 */
export function encodeShapes(
  operations: readonly { readonly responseShapes?: Readonly<Record<string, ResponseShape>> }[],
): EncodedShapes {
  const full = new Map<ResponseShape, string>();
  const plain = (node: ResponseShape): string => {
    let text = full.get(node);
    if (text === undefined) {
      text = body(node, plain);
      full.set(node, text);
    }
    return text;
  };
  const counts = new Map<string, number>();
  const count = (node: ResponseShape): void => {
    const key = plain(node);
    const seen = counts.get(key) ?? 0;
    counts.set(key, seen + 1);
    if (seen > 0) return;
    for (const child of Object.values(node.properties ?? {})) count(child);
    if (node.items !== undefined) count(node.items);
  };
  for (const op of operations) for (const shape of Object.values(op.responseShapes ?? {})) count(shape);
  const table: string[] = [];
  const ids = new Map<string, number>();
  const emit = (node: ResponseShape): string => {
    const key = plain(node);
    if (key.length < 24 || (counts.get(key) ?? 0) < 2) return body(node, emit);
    let id = ids.get(key);
    if (id === undefined) {
      const text = body(node, emit);
      id = table.push(text) - 1;
      ids.set(key, id);
    }
    return `&${id}`;
  };
  const byOperation = operations.map((op) => {
    if (op.responseShapes === undefined) return 0 as const;
    const out: Record<string, string> = {};
    for (const [status, shape] of Object.entries(op.responseShapes)) out[status] = emit(shape);
    return out;
  });
  return { table, byOperation };
}

function body(node: ResponseShape, child: (node: ResponseShape) => string): string {
  let out = node.open === true ? '*' : '';
  if (node.type !== undefined) out += TYPE_LETTER[node.type] ?? '';
  if (node.properties !== undefined) {
    const members = Object.entries(node.properties).map(([name, value]) => {
      const text = child(value);
      return text === '' ? escapeName(name) : `${escapeName(name)}:${text}`;
    });
    out += `{${members.join(',')}}`;
  }
  if (node.items !== undefined) out += `[${child(node.items)}]`;
  return out;
}
