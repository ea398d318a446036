/**
 * A yes/no check of a JSON value against a JSON Schema (draft 2020-12), compiled into closures from
 * the schema objects themselves: no generated code to parse, nothing evaluated from text. It is the
 * fast path in front of the precompiled ajv validator (generated/arazzo-validator.cjs), which is
 * loaded only when a document does not pass: a valid document, the common case of `telaio run` and
 * `validate`, never compiles ajv's ~360 KB of generated code.
 *
 * The rule that keeps it exact: it answers true only where ajv (configured by create-ajv.ts) answers
 * true. Where it could differ it is stricter, never looser: a keyword it does not know makes its
 * schema node fail; values it cannot compare with certainty (Dates, NaN, -0) compare unequal. A
 * false answer only costs the exact validator's load, which then gives ajv's own verdict and errors.
 * The differential test (test/schema/schema-check-differential.test.ts) holds it to that over every
 * Arazzo document of the project and seeded mutations of them.
 */

/** A compiled check: true when the value conforms (as ajv would say), false when it may not. */
export type SchemaCheck = (value: unknown) => boolean;

/** Formats the checker (and ajv, through create-ajv.ts) validate; ajv ignores every other format. */
export const CHECKED_FORMATS: { readonly [name: string]: RegExp } = {
  // ajv-formats' "uri-reference" (full mode); a test keeps it equal to the library's.
  'uri-reference':
    /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i,
};

/**
 * Shapes each of which is a strict subset of its format (the typical `./openapi.yaml` and
 * `https://host/path`), checked first: V8 compiles ajv-formats' uri-reference expression on its
 * first use, ~3 ms at every start. A value outside them goes to the full expression. A test holds
 * each shape to its format over generated values.
 */
export const FORMAT_SHORTCUTS: { readonly [name: string]: readonly RegExp[] } = {
  'uri-reference': [
    /^(?:\.{1,2}\/)*[A-Za-z0-9\-._~]+(?:\/[A-Za-z0-9\-._~]+)*$/,
    /^https?:\/\/[A-Za-z0-9\-.]+(?::\d+)?(?:\/[A-Za-z0-9\-._~]*)*$/,
  ],
};

/** Keywords that never fail a value (annotations, or read only by the keyword beside them). */
const ANNOTATIONS = new Set([
  '$id',
  '$schema',
  '$comment',
  '$defs',
  '$vocabulary',
  '$dynamicAnchor',
  'title',
  'description',
  'default',
  'deprecated',
  'examples',
  'readOnly',
  'writeOnly',
  'x-message',
  // Read by `if` (ajv ignores them without it), and by `properties`/`patternProperties` for
  // `additionalProperties`.
  'then',
  'else',
]);

type Schema = boolean | { readonly [keyword: string]: unknown };
type Json = { readonly [key: string]: unknown };

const ALWAYS: SchemaCheck = () => true;
const NEVER: SchemaCheck = () => false;

/** ajv's JSON type tests (strictNumbers off, as create-ajv.ts configures it). */
const TYPE_TESTS: { readonly [type: string]: (value: unknown) => boolean } = {
  null: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  integer: (v) => typeof v === 'number' && !((v as number) % 1) && !Number.isNaN(v),
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

const isObject = TYPE_TESTS.object as (v: unknown) => v is Json;

/**
 * Deep equality at least as strict as ajv's (fast-deep-equal): plain objects, arrays and primitives
 * compare by value; anything else (Dates, NaN) is unequal unless identical.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys)
    if (!Object.hasOwn(b, key) || !jsonEqual((a as Json)[key], (b as Json)[key])) return false;
  return true;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Compile `root` (resolving `$ref`s against it and `resources`, each by its `$id`) into a check.
 * `$dynamicRef: "#meta"` inside the draft 2020-12 meta-schemas resolves to the meta-schema itself,
 * which is what it means for every schema that does not extend the meta-schema (Arazzo's do not).
 */
export function compileSchemaCheck(root: boolean | object, resources: readonly object[] = []): SchemaCheck {
  const byId = new Map<string, Schema>();
  for (const resource of [root, ...resources])
    if (typeof resource === 'object' && typeof (resource as Json).$id === 'string')
      byId.set(stripFragment((resource as Json).$id as string), resource as Schema);
  const compiled = new Map<object, SchemaCheck>();
  const rootId = typeof root === 'object' ? (root as Json).$id : undefined;
  const rootBase = typeof rootId === 'string' ? stripFragment(rootId) : '';

  const compile = (schema: unknown, base: string): SchemaCheck => {
    if (schema === true) return ALWAYS;
    if (schema === false) return NEVER;
    if (!isObject(schema)) return NEVER;
    const known = compiled.get(schema);
    if (known !== undefined) return known;
    // A forwarder first, so recursive schemas ($ref cycles) compile once.
    let target: SchemaCheck = NEVER;
    compiled.set(schema, (value) => target(value));
    target = compileNode(
      schema,
      typeof schema.$id === 'string' ? new URL(schema.$id, base || undefined).href : base,
    );
    compiled.set(schema, target);
    return target;
  };

  /**
   * A subschema compiled on first use: a document exercises a small part of a large schema (one
   * feature set's rows, the meta-schema keywords its input schemas use), and only that is compiled.
   */
  const lazy = (schema: unknown, base: string): SchemaCheck => {
    if (schema === true) return ALWAYS;
    if (schema === false) return NEVER;
    let check: SchemaCheck | undefined;
    return (value) => {
      if (check === undefined) check = compile(schema, base);
      return check(value);
    };
  };

  const resolve = (ref: string, base: string): SchemaCheck => {
    let resourceId: string;
    let fragment: string;
    try {
      if (ref.startsWith('#') && base !== '') {
        // Within the current resource (most $refs): no URL to parse.
        resourceId = base;
        fragment = decodeURIComponent(ref.slice(1));
      } else {
        const url = base === '' ? new URL(ref) : new URL(ref, base);
        resourceId = stripFragment(url.href);
        fragment = decodeURIComponent(url.hash.slice(1));
      }
    } catch {
      return NEVER;
    }
    let node: unknown = byId.get(resourceId);
    if (node === undefined) return NEVER;
    let nodeBase = resourceId;
    if (fragment !== '') {
      if (!fragment.startsWith('/')) return NEVER; // plain-name anchors: not used by these schemas
      for (const token of fragment.slice(1).split('/')) {
        if (!isObject(node) && !Array.isArray(node)) return NEVER;
        const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
        node = (node as Json)[key];
        if (isObject(node) && typeof node.$id === 'string') nodeBase = new URL(node.$id, nodeBase).href;
      }
    }
    // Compiled lazily: a $ref cycle must not recurse at compile time beyond the forwarder.
    return lazy(node, nodeBase);
  };

  const compileNode = (schema: Json, base: string): SchemaCheck => {
    const checks: SchemaCheck[] = [];
    for (const keyword of Object.keys(schema)) {
      if (ANNOTATIONS.has(keyword)) continue;
      const value = schema[keyword];
      const check = compileKeyword(keyword, value, schema, base);
      if (check === undefined) return NEVER;
      checks.push(check);
    }
    if (checks.length === 0) return ALWAYS;
    if (checks.length === 1) return checks[0] as SchemaCheck;
    // Indexed loops in the checks: they run cold (interpreted) over every document validated, where
    // for...of allocates an iterator and a result object per element.
    return (v) => {
      for (let i = 0; i < checks.length; i++) if (!(checks[i] as SchemaCheck)(v)) return false;
      return true;
    };
  };

  /** One keyword's check, or undefined when the keyword (or its form) is not one this checker knows. */
  const compileKeyword = (
    keyword: string,
    value: unknown,
    schema: Json,
    base: string,
  ): SchemaCheck | undefined => {
    switch (keyword) {
      case 'type': {
        const types = Array.isArray(value) ? value : [value];
        const tests = types.map((t) => TYPE_TESTS[t as string]);
        if (tests.some((t) => t === undefined)) return undefined;
        const all = tests as ((v: unknown) => boolean)[];
        return all.length === 1 ? (all[0] as SchemaCheck) : (v) => all.some((test) => test(v));
      }
      case 'enum':
        return Array.isArray(value) ? (v) => value.some((e) => jsonEqual(e, v)) : undefined;
      case 'const':
        return (v) => jsonEqual(value, v);
      case 'pattern': {
        if (typeof value !== 'string') return undefined;
        const pattern = new RegExp(value, 'u');
        return (v) => typeof v !== 'string' || pattern.test(v);
      }
      case 'format': {
        if (typeof value !== 'string') return undefined;
        const format = CHECKED_FORMATS[value];
        // ajv ignores formats it was not given (strict off): so does this.
        if (format === undefined) return ALWAYS;
        const shortcuts = FORMAT_SHORTCUTS[value] ?? [];
        return (v) => typeof v !== 'string' || shortcuts.some((shape) => shape.test(v)) || format.test(v);
      }
      case 'minItems':
        return typeof value === 'number' ? (v) => !Array.isArray(v) || v.length >= value : undefined;
      case 'minimum':
        return typeof value === 'number' ? (v) => typeof v !== 'number' || v >= value : undefined;
      case 'exclusiveMinimum':
        return typeof value === 'number' ? (v) => typeof v !== 'number' || v > value : undefined;
      case 'uniqueItems':
        if (value === false) return ALWAYS;
        if (value !== true) return undefined;
        return (v) => {
          if (!Array.isArray(v)) return true;
          for (let i = 1; i < v.length; i++)
            for (let j = 0; j < i; j++) if (jsonEqual(v[i], v[j])) return false;
          return true;
        };
      case 'required': {
        if (!Array.isArray(value) || value.some((name) => typeof name !== 'string')) return undefined;
        const names = value as string[];
        return (v) => !isObject(v) || names.every((name) => v[name] !== undefined);
      }
      case 'dependentRequired': {
        if (!isObject(value)) return undefined;
        const rows = Object.entries(value);
        if (rows.some(([, deps]) => !Array.isArray(deps) || deps.some((d) => typeof d !== 'string')))
          return undefined;
        const table = rows as [string, string[]][];
        return (v) =>
          !isObject(v) ||
          table.every(([name, deps]) => v[name] === undefined || deps.every((d) => v[d] !== undefined));
      }
      case 'properties': {
        if (!isObject(value)) return undefined;
        const names = Object.keys(value);
        const checks = names.map((name) => lazy(value[name], base));
        return (v) => {
          if (!isObject(v)) return true;
          for (let i = 0; i < names.length; i++) {
            const item = v[names[i] as string];
            if (item !== undefined && !(checks[i] as SchemaCheck)(item)) return false;
          }
          return true;
        };
      }
      case 'patternProperties': {
        if (!isObject(value)) return undefined;
        const rows = Object.entries(value).map(
          ([pattern, sub]) => [new RegExp(pattern, 'u'), lazy(sub, base)] as const,
        );
        return (v) => {
          if (!isObject(v)) return true;
          for (const key in v)
            for (let i = 0; i < rows.length; i++) {
              const [pattern, check] = rows[i] as (typeof rows)[number];
              if (pattern.test(key) && !check(v[key])) return false;
            }
          return true;
        };
      }
      case 'additionalProperties': {
        if (value === true) return ALWAYS;
        const check = lazy(value, base);
        const named = isObject(schema.properties)
          ? new Set(Object.keys(schema.properties))
          : new Set<string>();
        if (schema.patternProperties !== undefined && !isObject(schema.patternProperties)) return undefined;
        const patterns = Object.keys((schema.patternProperties as Json | undefined) ?? {}).map(
          (p) => new RegExp(p, 'u'),
        );
        return (v) => {
          if (!isObject(v)) return true;
          for (const key in v) {
            if (named.has(key) || patterns.some((p) => p.test(key))) continue;
            if (!check(v[key])) return false;
          }
          return true;
        };
      }
      case 'propertyNames': {
        const check = lazy(value, base);
        return (v) => {
          if (!isObject(v)) return true;
          for (const key in v) if (!check(key)) return false;
          return true;
        };
      }
      case 'items': {
        if (Array.isArray(value)) return undefined; // draft-07 tuples are not 2020-12 `items`
        const check = lazy(value, base);
        // An index loop, as ajv's: every() would skip the holes of a sparse array.
        return (v) => {
          if (!Array.isArray(v)) return true;
          for (let i = 0; i < v.length; i++) if (!check(v[i])) return false;
          return true;
        };
      }
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        if (!Array.isArray(value) || value.length === 0) return undefined;
        const subs = value.map((sub) => lazy(sub, base));
        if (keyword === 'allOf')
          return (v) => {
            for (let i = 0; i < subs.length; i++) if (!(subs[i] as SchemaCheck)(v)) return false;
            return true;
          };
        if (keyword === 'anyOf')
          return (v) => {
            for (let i = 0; i < subs.length; i++) if ((subs[i] as SchemaCheck)(v)) return true;
            return false;
          };
        return (v) => {
          let passing = 0;
          for (let i = 0; i < subs.length; i++)
            if ((subs[i] as SchemaCheck)(v) && ++passing > 1) return false;
          return passing === 1;
        };
      }
      case 'not': {
        const check = lazy(value, base);
        return (v) => !check(v);
      }
      case 'if': {
        const test = lazy(value, base);
        const then = schema.then === undefined ? ALWAYS : lazy(schema.then, base);
        const otherwise = schema.else === undefined ? ALWAYS : lazy(schema.else, base);
        return (v) => (test(v) ? then(v) : otherwise(v));
      }
      case '$ref':
        return typeof value === 'string' ? resolve(value, base) : undefined;
      case '$dynamicRef':
        return value === '#meta' && base.startsWith(META_BASE) ? resolve(META_ROOT, base) : undefined;
      default:
        return undefined;
    }
  };

  return compile(root, rootBase);
}

const META_BASE = 'https://json-schema.org/draft/2020-12/';
const META_ROOT = `${META_BASE}schema`;

function stripFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}
