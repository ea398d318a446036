import type { SelectorObject } from '../model/arazzo.js';

/**
 * True when `value` is an Arazzo 1.1 Selector Object: a plain object with a string `context`, a
 * string `selector` and a `type` (a name or an Expression Type Object), and no other fields but
 * `x-` extensions. Exact so that a literal payload object that happens to hold a `selector` key is
 * not read as one; the 1.1 schema makes an object with `selector` in a parameter or replacement
 * value a complete Selector Object.
 */
export function isSelectorObject(value: unknown): value is SelectorObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const node = value as Record<string, unknown>;
  if (typeof node.context !== 'string' || typeof node.selector !== 'string') return false;
  const type = node.type;
  if (typeof type !== 'string' && (typeof type !== 'object' || type === null || Array.isArray(type)))
    return false;
  return Object.keys(node).every(
    (k) => k === 'context' || k === 'selector' || k === 'type' || k.startsWith('x-'),
  );
}
