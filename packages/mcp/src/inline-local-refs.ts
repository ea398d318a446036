/**
 * JSON Schemas handed to MCP clients stand alone: a tool's `inputSchema` cannot point into the
 * Arazzo document (`#/components/inputs/...`), so local `$ref`s are replaced by what they name.
 */

const MAX_DEPTH = 24;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The node `ref` (`#/a/b~1c`) names inside `root`, or undefined. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const path = ref.slice(1);
  if (path === '') return root;
  let node: unknown = root;
  for (const raw of path.replace(/^\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isRecord(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * A copy of `schema` with every local `$ref` replaced by its target (sibling keywords kept beside
 * it, as JSON Schema 2020-12 allows). A `$ref` that reaches nothing, leaves the document or goes
 * round in a cycle becomes `{}` (anything): the engine still validates inputs against the real schema.
 */
export function inlineLocalRefs(schema: unknown, root: unknown): unknown {
  const walk = (node: unknown, seen: readonly string[], depth: number): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, seen, depth + 1));
    if (!isRecord(node)) return node;
    if (depth > MAX_DEPTH) return {};
    const out: Record<string, unknown> = {};
    let base: Record<string, unknown> = {};
    if (typeof node.$ref === 'string') {
      const ref = node.$ref;
      const target = seen.includes(ref) ? undefined : resolvePointer(root, ref);
      const resolved = target === undefined ? {} : walk(target, [...seen, ref], depth + 1);
      base = isRecord(resolved) ? resolved : {};
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') continue;
      out[key] = walk(value, seen, depth + 1);
    }
    return { ...base, ...out };
  };
  return walk(schema, [], 0);
}
