/**
 * A response body built from an OpenAPI response schema for `--dry-run`: every leaf is a placeholder
 * naming where the value would come from (`<createTotp:$response.body#/secret>`), so later steps show
 * which earlier response feeds them. Objects keep their properties (allOf merged, the first
 * oneOf/anyOf branch), arrays hold one item; recursion stops at depth 8.
 */
export function synthesiseBody(options: {
  readonly schema: unknown;
  readonly stepId: string;
  readonly resolveRef?: (ref: string) => unknown;
}): unknown {
  return walk(options.schema, options.stepId, '', 0, options.resolveRef ?? (() => undefined));
}

type Schema = Record<string, unknown>;

type Deref = (ref: string) => unknown;

function walk(schema: unknown, stepId: string, pointer: string, depth: number, deref: Deref): unknown {
  const placeholder = `<${stepId}:$response.body${pointer === '' ? '' : `#${pointer}`}>`;
  if (schema === null || typeof schema !== 'object' || depth > 8) return placeholder;
  const s = merge(schema as Schema, deref, 0);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const properties = s.properties as Record<string, unknown> | undefined;
  if (type === 'object' || (type === undefined && properties !== undefined)) {
    if (properties === undefined) return {};
    const out: Record<string, unknown> = {};
    for (const [name, child] of Object.entries(properties)) {
      out[name] = walk(
        child,
        stepId,
        `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        depth + 1,
        deref,
      );
    }
    return out;
  }
  if (type === 'array') return [walk(s.items, stepId, `${pointer}/0`, depth + 1, deref)];
  return placeholder;
}

/** `$ref` followed, allOf merged into one schema, the first branch of oneOf/anyOf taken. */
function merge(input: Schema, deref: Deref, hops: number): Schema {
  let schema = input;
  while (typeof schema.$ref === 'string' && hops < 16) {
    const target = deref(schema.$ref);
    if (target === null || typeof target !== 'object') break;
    const { $ref: _ref, ...rest } = schema;
    schema = { ...(target as Schema), ...rest };
    hops += 1;
  }
  let out: Schema = { ...schema };
  const branch =
    (Array.isArray(schema.oneOf) ? schema.oneOf[0] : undefined) ??
    (Array.isArray(schema.anyOf) ? schema.anyOf[0] : undefined);
  if (branch !== null && typeof branch === 'object')
    out = combine(out, merge(branch as Schema, deref, hops + 1));
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf)
      if (part !== null && typeof part === 'object')
        out = combine(out, merge(part as Schema, deref, hops + 1));
  }
  return out;
}

function combine(a: Schema, b: Schema): Schema {
  const properties = { ...(a.properties as Schema | undefined), ...(b.properties as Schema | undefined) };
  return { ...a, ...b, ...(Object.keys(properties).length > 0 ? { properties } : {}) };
}
