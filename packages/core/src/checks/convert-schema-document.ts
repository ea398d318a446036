/**
 * An OpenAPI file turned into what ajv (JSON Schema 2020-12) validates with, in one copying walk:
 * OpenAPI 3.0 schema objects get their 3.0 meaning (`nullable` adds `null` to `type` and `enum`,
 * boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric form, siblings of `$ref` are
 * ignored); in both dialects `$schema` is dropped (the OpenAPI dialect is implied) and a `writeOnly`
 * property is neither required nor allowed in a response (OpenAPI 3.0.3 Schema Object
 * `writeOnly`: "SHOULD NOT be sent as part of the response"; "required will take effect on the
 * request only"). Every copied object remembers the pointer it came from, so an ajv error's
 * `parentSchema` leads back to a line of the file.
 */
import { escapePointerToken, resolveLocalRef } from '../document/json-pointer.js';

/** The OpenAPI schema dialect of a file: 3.0 (its own JSON Schema subset) or 3.1 (JSON Schema 2020-12). */
export type SchemaDialect = '3.0' | '3.1';

/** The ajv keyword standing for `writeOnly: true` in a response. */
export const WRITE_ONLY_KEYWORD = 'telaioWriteOnly';

/** Values, not schemas: copied as they are (an `enum` of objects with a `nullable` key stays an enum). */
const LITERAL_KEYS = new Set(['enum', 'const', 'default', 'example', 'examples', 'x-examples']);
/** Maps whose keys are names, not keywords (a property called `default`, the `default` response). */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'responses',
  'paths',
  'content',
  'headers',
]);

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Convert the parsed file `root`; `origins` receives converted object → pointer in the file. */
export function convertSchemaDocument(options: {
  readonly root: unknown;
  readonly dialect: SchemaDialect;
  readonly id: string;
  readonly origins: WeakMap<object, { readonly uri: string; readonly pointer: string }>;
  readonly uri: string;
}): unknown {
  const { root, dialect, origins, uri } = options;
  const writeOnly = (schema: unknown): boolean => {
    const ref = isObj(schema) && typeof schema.$ref === 'string' ? schema.$ref : undefined;
    const target = ref === undefined ? schema : resolveLocalRef(root, ref);
    return isObj(target) && target.writeOnly === true;
  };
  const walk = (node: unknown, pointer: string, names = false): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${pointer}/${index}`));
    if (!isObj(node)) return node;
    const out: Obj = {};
    origins.set(out, { uri, pointer });
    if (dialect === '3.0' && typeof node.$ref === 'string') {
      out.$ref = node.$ref;
      return out;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema') continue;
      out[key] =
        !names && LITERAL_KEYS.has(key)
          ? value
          : walk(value, `${pointer}/${escapePointerToken(key)}`, !names && NAME_MAPS.has(key));
    }
    if (node.writeOnly === true) out[WRITE_ONLY_KEYWORD] = true;
    if (Array.isArray(node.required) && isObj(node.properties)) {
      const props = node.properties;
      out.required = node.required.filter((name) => typeof name !== 'string' || !writeOnly(props[name]));
    }
    if (dialect === '3.0') applyOpenApi30(node, out);
    applyDiscriminator(node, out);
    return out;
  };
  const converted = walk(root, '');
  if (isObj(converted)) converted.$id = options.id;
  return converted;
}

/**
 * A `discriminator` over `oneOf`/`anyOf` branches that are all `$ref`s picks the branch by the tag
 * (Discriminator Object: "an object can be validated against the schema it names") instead of
 * trying each: the branches become `if tag == x then $ref` rules, and the mapping is completed with
 * the implicit schema names, so a wrong tag and a wrong field of the right branch are told apart.
 */
function applyDiscriminator(node: Obj, out: Obj): void {
  const discriminator = node.discriminator;
  if (!isObj(discriminator) || typeof discriminator.propertyName !== 'string') return;
  const key = Array.isArray(node.oneOf) ? 'oneOf' : Array.isArray(node.anyOf) ? 'anyOf' : undefined;
  const branches = key === undefined ? [] : (node[key] as unknown[]);
  const refs = branches.map((b) => (isObj(b) && typeof b.$ref === 'string' ? b.$ref : undefined));
  if (key === undefined || refs.length === 0 || refs.some((r) => r === undefined)) return;
  const mapping = new Map<string, string>();
  for (const [tag, value] of Object.entries(isObj(discriminator.mapping) ? discriminator.mapping : {}))
    if (typeof value === 'string')
      mapping.set(tag, value.includes('/') ? value : `#/components/schemas/${value}`);
  const mapped = new Set(mapping.values());
  for (const ref of refs as string[])
    if (!mapped.has(ref)) mapping.set(ref.slice(ref.lastIndexOf('/') + 1), ref);
  const name = discriminator.propertyName;
  const rules = [...mapping].map(([tag, ref]) => ({
    if: { properties: { [name]: { const: tag } }, required: [name] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's `then` keyword, not a thenable.
    then: { $ref: ref },
  }));
  delete out[key];
  out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), ...rules];
  out.discriminator = { ...(out.discriminator as Obj), mapping: Object.fromEntries(mapping) };
}

/** OpenAPI 3.0's own meanings of `nullable` and boolean exclusive bounds. */
function applyOpenApi30(node: Obj, out: Obj): void {
  if (node.nullable === true) {
    if (typeof node.type === 'string') out.type = [node.type, 'null'];
    if (Array.isArray(node.enum) && !node.enum.includes(null)) out.enum = [...node.enum, null];
  }
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[exclusive] !== 'boolean') continue;
    if (node[exclusive] === true && typeof node[bound] === 'number') {
      out[exclusive] = node[bound];
      delete out[bound];
    } else delete out[exclusive];
  }
}
