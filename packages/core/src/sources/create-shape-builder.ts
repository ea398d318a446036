import { resolveLocalRef } from '../document/json-pointer.js';
import { defineLazyProperty } from './define-lazy-property.js';
import { mergeLazyShapes } from './merge-lazy-shapes.js';
import { mergeShapes } from './merge-shapes.js';
import type { ResponseShape } from './types.js';

/** Turns JSON Schemas of one OpenAPI document into ResponseShapes. */
export interface ShapeBuilder {
  /** The shape of what `schema` allows; `{open: true}` when it says nothing structural. */
  shapeOf(schema: unknown): ResponseShape;
  /**
   * The same shape, built level by level as it is read: each property's and the items' shapes are
   * accessors built on their first read (and the schemas beneath them, in a lazy YAML parse, only
   * then). A pointer check reads one path of a deep response schema, not all of it.
   */
  lazyShapeOf(schema: unknown): ResponseShape;
}

/**
 * How a schema constrains structure: `neutral` says nothing (`{}`, `{required: [...]}`), `free` is an
 * object type with no properties listed, `firm` lists properties/items, a scalar type or an explicit
 * `additionalProperties`. In `allOf`, neutral and free members add nothing to firm ones; in
 * `oneOf`/`anyOf`, a free alternative makes the union open.
 */
type Kind = 'neutral' | 'free' | 'firm';
interface Built {
  readonly shape: ResponseShape;
  readonly kind: Kind;
  /** A cycle or the depth limit cut it: not memoised (it depends on where it was reached from). */
  readonly cut: boolean;
  /**
   * How many levels below this one the deepest schema object it read sits (-1: none, not even this
   * one): a memoised result is reused at a depth only when it would not have been cut there.
   */
  readonly height: number;
  /** The `$ref`s expanded within it (undefined: none): a memoised result is reused only where none is being expanded above. */
  readonly refs: ReadonlySet<string> | undefined;
}

/** Both sets of `$ref`s, sharing one when the other adds nothing. */
function joinRefs(
  a: ReadonlySet<string> | undefined,
  b: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  if (a === undefined || b === undefined || a === b) return a ?? b;
  if ([...b].every((r) => a.has(r))) return a;
  if ([...a].every((r) => b.has(r))) return b;
  return new Set([...a, ...b]);
}

type Obj = Record<string, unknown>;
const OPEN: ResponseShape = Object.freeze({ open: true });
const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Build shapes over `root` (an OpenAPI document): local `$ref`s followed (a `$ref` already being
 * expanded on the way down is cut and left open), depth limited to `maxDepth` nested
 * properties/items (deeper is open). The shape of a schema depends on the schema, its depth and the
 * `$ref`s being expanded above it only: results of `$ref`s are memoised and shared when nothing cut
 * them, and reused at another depth only where they reach no deeper than the limit (they are then
 * what building afresh gives), so shapes do not depend on the order they are asked for, and the
 * lazy shapes (lazyShapeOf, no memo) read the same as the built ones.
 */
export function createShapeBuilder(options: { root: unknown; maxDepth?: number }): ShapeBuilder {
  const { root } = options;
  const maxDepth = options.maxDepth ?? 12;
  const memo = new Map<string, Built>();
  const target = (ref: string): unknown => resolveLocalRef(root, ref);

  /** `active`: the `$ref`s being expanded above; `lazy`: children as accessors, no memo. */
  const build = (schema: unknown, depth: number, active: readonly string[], lazy: boolean): Built => {
    if (schema === false) return { shape: {}, kind: 'firm', cut: false, height: -1, refs: undefined };
    if (!isObj(schema)) return { shape: OPEN, kind: 'neutral', cut: false, height: -1, refs: undefined };
    if (depth > maxDepth) return { shape: OPEN, kind: 'firm', cut: true, height: 0, refs: undefined };
    const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    let fromRef: Built | undefined;
    if (ref !== undefined) {
      const resolved = target(ref);
      if (resolved === undefined)
        fromRef = { shape: OPEN, kind: 'firm', cut: false, height: 0, refs: undefined };
      else if (active.includes(ref))
        fromRef = { shape: OPEN, kind: 'firm', cut: true, height: 0, refs: undefined };
      else {
        const known = lazy ? undefined : memo.get(ref);
        if (
          known !== undefined &&
          depth + known.height <= maxDepth &&
          !active.some((a) => known.refs?.has(a))
        )
          fromRef = known;
        else {
          const built = build(resolved, depth, [...active, ref], lazy);
          fromRef = { ...built, refs: joinRefs(built.refs, new Set([ref])) };
          if (!lazy && !fromRef.cut && known === undefined) memo.set(ref, fromRef);
        }
      }
    }
    const parts: Built[] = [own(schema, depth, active, lazy)];
    if (fromRef !== undefined) parts.push(fromRef);
    for (const member of Array.isArray(schema.allOf) ? schema.allOf : [])
      parts.push(build(member, depth, active, lazy));
    for (const key of ['oneOf', 'anyOf'] as const) {
      const alternatives = Array.isArray(schema[key]) ? schema[key] : [];
      if (alternatives.length > 0)
        parts.push(
          union(
            alternatives.map((m) => build(m, depth, active, lazy)),
            lazy,
          ),
        );
    }
    return parts.length === 1 ? parts[0]! : intersect(parts, lazy);
  };

  /** The schema's own keywords, without $ref and composition. */
  const own = (schema: Obj, depth: number, active: readonly string[], lazy: boolean): Built => {
    let cut = false;
    let height = 0;
    let refs: ReadonlySet<string> | undefined;
    const child = (value: unknown): ResponseShape => {
      const built = build(value, depth + 1, active, false);
      cut ||= built.cut;
      height = Math.max(height, built.height + 1);
      refs = joinRefs(refs, built.refs);
      return built.shape;
    };
    const later = (value: () => unknown) => (): ResponseShape =>
      build(value(), depth + 1, active, true).shape;
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
      (t): t is string => typeof t === 'string' && t !== 'null',
    );
    const extra = schema.additionalProperties;
    const explicitOpen =
      (extra !== undefined && extra !== false) || isObj(schema.patternProperties) || schema.if !== undefined;
    const shape: { -readonly [K in keyof ResponseShape]: ResponseShape[K] } = {};
    const listed = schema.properties;
    if (isObj(listed)) {
      const properties: Record<string, ResponseShape> = {};
      if (!lazy) for (const [name, value] of Object.entries(listed)) properties[name] = child(value);
      else
        for (const name of Object.keys(listed)) {
          // `properties[name] = ...` above makes `__proto__` the object's prototype, not a member.
          if (name !== '__proto__')
            defineLazyProperty(
              properties,
              name,
              later(() => listed[name]),
            );
        }
      shape.properties = properties;
    }
    const items = schema.items !== undefined || types.includes('array');
    if (schema.items === undefined || Array.isArray(schema.items)) {
      if (items) shape.items = OPEN;
    } else if (!lazy) shape.items = child(schema.items);
    else
      defineLazyProperty(
        shape,
        'items',
        later(() => schema.items),
      );
    if (explicitOpen) shape.open = true;
    const scalar = types.find((t) => SCALARS.has(t));
    if (scalar !== undefined && shape.properties === undefined && !items) shape.type = scalar;
    if (shape.properties !== undefined || items || explicitOpen || scalar !== undefined)
      return { shape, kind: 'firm', cut, height, refs };
    return types.includes('object')
      ? { shape: OPEN, kind: 'free', cut, height, refs }
      : { shape: OPEN, kind: 'neutral', cut, height, refs };
  };

  return {
    shapeOf: (schema) => build(schema, 0, [], false).shape,
    lazyShapeOf: (schema) => build(schema, 0, [], true).shape,
  };
}

/** allOf: firm members merged; free or neutral ones only count when no member is firm. */
function intersect(parts: readonly Built[], lazy: boolean): Built {
  const cut = parts.some((p) => p.cut);
  const height = Math.max(...parts.map((p) => p.height));
  const refs = parts.map((p) => p.refs).reduce(joinRefs);
  const firm = parts.filter((p) => p.kind === 'firm');
  const merge = lazy ? mergeLazyShapes : mergeShapes;
  if (firm.length > 0)
    return { shape: firm.map((p) => p.shape).reduce(merge), kind: 'firm', cut, height, refs };
  return { shape: OPEN, kind: parts.some((p) => p.kind === 'free') ? 'free' : 'neutral', cut, height, refs };
}

/** oneOf/anyOf: neutral alternatives (constraints only) dropped; a free one opens the union. */
function union(parts: readonly Built[], lazy: boolean): Built {
  const cut = parts.some((p) => p.cut);
  const height = Math.max(...parts.map((p) => p.height));
  const refs = parts.map((p) => p.refs).reduce(joinRefs);
  const said = parts.filter((p) => p.kind !== 'neutral');
  if (said.length === 0) return { shape: OPEN, kind: 'neutral', cut, height, refs };
  if (said.some((p) => p.kind === 'free')) return { shape: OPEN, kind: 'firm', cut, height, refs };
  const merge = lazy ? mergeLazyShapes : mergeShapes;
  return { shape: said.map((p) => p.shape).reduce(merge), kind: 'firm', cut, height, refs };
}
