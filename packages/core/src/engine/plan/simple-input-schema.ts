/**
 * Workflow input schemas in the small subset nearly every Arazzo document uses (an object with
 * `properties`, `required`, and per property a single `type`, `default` and annotations: all 24
 * Stytch workflows) are checked here without ajv, giving the errors ajv would give, in ajv's shape
 * and order. Loading ajv and compiling a validator costs ~45 ms of CPU, a fifth of a cold
 * `telaio run`. Any other keyword, or a `$ref`, sends the schema to ajv.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';

/** A property schema within the subset. */
interface SimpleProperty {
  readonly name: string;
  readonly type: string | undefined;
  readonly hasDefault: boolean;
  readonly default: unknown;
}

/** An object schema within the subset, ready to check values against. */
export interface SimpleInputSchema {
  /** Errors as ajv (allErrors, useDefaults) reports them; defaults are applied to `value` in place. */
  check(value: Record<string, unknown>): ErrorObject[];
  /** The errors of one property's value, as ajv compiled for that property alone reports them. */
  checkOne(name: string, value: unknown): ErrorObject[];
}

const ANNOTATIONS = new Set([
  'title',
  'description',
  'examples',
  '$comment',
  'deprecated',
  'readOnly',
  'writeOnly',
]);
const TOP = new Set([...ANNOTATIONS, 'type', 'properties', 'required']);
const PROPERTY = new Set([...ANNOTATIONS, 'type', 'default']);
const TYPES: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  object: (v) => v !== null && typeof v === 'object' && !Array.isArray(v),
  array: (v) => Array.isArray(v),
};
/** Names that need no escaping in a JSON pointer or URI fragment. */
const PLAIN_NAME = /^[A-Za-z0-9_.-]+$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function simpleProperty(name: string, schema: unknown): SimpleProperty | undefined {
  if (!PLAIN_NAME.test(name) || !isRecord(schema)) return undefined;
  for (const key of Object.keys(schema)) if (!PROPERTY.has(key)) return undefined;
  const type = schema.type;
  if (type !== undefined && (typeof type !== 'string' || !Object.hasOwn(TYPES, type))) return undefined;
  return { name, type, hasDefault: Object.hasOwn(schema, 'default'), default: schema.default };
}

/**
 * The subset checker of `schema` (found at `schemaPath`, a URI with a JSON-pointer fragment, as
 * ajv names it), or undefined when the schema uses anything outside the subset.
 */
export function simpleInputSchema(schema: unknown, schemaPath: string): SimpleInputSchema | undefined {
  if (!isRecord(schema)) return undefined;
  for (const key of Object.keys(schema)) if (!TOP.has(key)) return undefined;
  if (schema.type !== undefined && schema.type !== 'object') return undefined;
  const required = schema.required ?? [];
  if (!Array.isArray(required) || !required.every((r) => typeof r === 'string')) return undefined;
  const declared = schema.properties ?? {};
  if (!isRecord(declared)) return undefined;
  const properties: SimpleProperty[] = [];
  for (const [name, property] of Object.entries(declared)) {
    const simple = simpleProperty(name, property);
    if (simple === undefined) return undefined;
    properties.push(simple);
  }
  const byName = new Map(properties.map((p) => [p.name, p]));
  const typeError = (p: SimpleProperty, instancePath: string, path: string): ErrorObject => ({
    instancePath,
    schemaPath: `${path}/type`,
    keyword: 'type',
    params: { type: p.type },
    message: `must be ${p.type}`,
  });
  return {
    check(value) {
      const errors: ErrorObject[] = [];
      // ajv writes a default into its generated code as JSON, so -0 arrives as 0: same here.
      for (const p of properties)
        if (p.hasDefault && value[p.name] === undefined)
          value[p.name] = Object.is(p.default, -0) ? 0 : structuredClone(p.default);
      for (const name of required as string[])
        if (value[name] === undefined)
          errors.push({
            instancePath: '',
            schemaPath: `${schemaPath}/required`,
            keyword: 'required',
            params: { missingProperty: name },
            message: `must have required property '${name}'`,
          });
      for (const p of properties) {
        const v = value[p.name];
        if (v !== undefined && p.type !== undefined && !TYPES[p.type]!(v))
          errors.push(typeError(p, `/${p.name}`, `${schemaPath}/properties/${p.name}`));
      }
      return errors;
    },
    checkOne(name, value) {
      const p = byName.get(name);
      if (p === undefined || p.type === undefined || TYPES[p.type]!(value)) return [];
      return [typeError(p, '', `${schemaPath}/properties/${name}`)];
    },
  };
}
