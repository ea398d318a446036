/**
 * Does an OpenAPI schema describe a value at a JSON Pointer? Follows local `$ref`s (against the
 * document `root`), properties, array items, allOf/oneOf/anyOf.
 */

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};

/** Options of {@link schemaHasPointer}. */
export interface SchemaHasPointerOptions {
  readonly schema: unknown;
  /** Decoded pointer tokens (`#/a/0/b` → `['a', '0', 'b']`). */
  readonly tokens: readonly string[];
  /** The whole OpenAPI document, to follow `#/components/...` references. */
  readonly root: unknown;
}

/** True when every token names a property (or an index of an array) the schema declares. */
export function schemaHasPointer(options: SchemaHasPointerOptions): boolean {
  const schema = follow(options.schema, options.root);
  const [head, ...rest] = options.tokens;
  if (head === undefined) return true;
  const next = (s: unknown, tokens: readonly string[]) =>
    schemaHasPointer({ schema: s, tokens, root: options.root });
  const branches = [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])];
  if (branches.some((branch) => next(branch, options.tokens))) return true;
  if (/^\d+$/.test(head) && schema.items !== undefined) return next(schema.items, rest);
  const property = schema.properties?.[head];
  return property !== undefined && next(property, rest);
}

function follow(value: unknown, root: unknown): Schema {
  let current = (value ?? {}) as Schema;
  for (let hops = 0; current.$ref !== undefined && hops < 32; hops++) {
    let node: unknown = root;
    for (const token of current.$ref.replace(/^#\//, '').split('/')) {
      node = (node as Record<string, unknown> | undefined)?.[
        token.replaceAll('~1', '/').replaceAll('~0', '~')
      ];
    }
    current = (node ?? {}) as Schema;
  }
  return current;
}
