import { resolveLocalRef } from '../document/json-pointer.js';

/** Resolves local `$ref`s (`#/components/...`) of one parsed OpenAPI document. */
export interface RefResolver {
  /** Follow `$ref` chains at the top of `value` only (for parameters, bodies, responses). */
  shallow(value: unknown): unknown;
  /** Replace every local `$ref` beneath `value`; a `$ref` that would recurse is left as it is. */
  deep(value: unknown): unknown;
}

/**
 * Build a resolver over `root`. Deep results are memoised per target, so a schema used by many
 * operations is built once and shared. External `$ref`s (other files) are kept unresolved.
 */
export function createRefResolver(root: unknown): RefResolver {
  const memo = new Map<string, unknown>();
  const target = (ref: string): unknown => resolveLocalRef(root, ref);
  const refOf = (value: unknown): string | undefined => {
    const ref = value !== null && typeof value === 'object' ? (value as { $ref?: unknown }).$ref : undefined;
    return typeof ref === 'string' ? ref : undefined;
  };
  const shallow = (value: unknown): unknown => {
    let current = value;
    for (let hops = 0; hops < 32; hops++) {
      const ref = refOf(current);
      if (ref === undefined) return current;
      const next = target(ref);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  };
  const deep = (value: unknown, active: Set<string>): unknown => {
    const ref = refOf(value);
    if (ref !== undefined) {
      const resolved = target(ref);
      if (resolved === undefined || active.has(ref)) return value;
      if (memo.has(ref)) return memo.get(ref);
      active.add(ref);
      const built = deep(resolved, active);
      active.delete(ref);
      // Only memoise outermost results: inner ones may hold a cycle breaker for an enclosing ref.
      if (active.size === 0) memo.set(ref, built);
      return built;
    }
    if (Array.isArray(value)) return value.map((item) => deep(item, active));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = deep(child, active);
    return out;
  };
  return { shallow, deep: (value) => deep(value, new Set()) };
}
