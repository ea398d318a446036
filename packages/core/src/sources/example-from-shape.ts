import { escapePointerToken } from '../document/json-pointer.js';
import type { ResponseShape } from './types.js';

/**
 * An example value of `shape` (for dry runs): objects with every listed property, arrays with one
 * item, and `leaf(pointer)` wherever the shape says no more (scalars, open values with no listed
 * members). `pointer` is the JSON Pointer of that place in the example (`/member/roles/0`).
 */
export function exampleFromShape(shape: ResponseShape, leaf: (pointer: string) => unknown): unknown {
  const build = (node: ResponseShape, pointer: string, depth: number): unknown => {
    if (depth > 32) return leaf(pointer);
    if (node.properties !== undefined) {
      const out: Record<string, unknown> = {};
      for (const [name, child] of Object.entries(node.properties))
        out[name] = build(child, `${pointer}/${escapePointerToken(name)}`, depth + 1);
      return out;
    }
    if (node.items !== undefined) return [build(node.items, `${pointer}/0`, depth + 1)];
    return leaf(pointer);
  };
  return build(shape, '', 0);
}
