import { resolveLocalRef } from '../document/json-pointer.js';
import { mergeShapes } from './merge-shapes.js';
import type { ResponseShape } from './types.js';

/** Turns JSON Schemas of one OpenAPI document into ResponseShapes. */
export interface ShapeBuilder {
  /** The shape of what `schema` allows; `{open: true}` when it says nothing structural. */
  shapeOf(schema: unknown): ResponseShape;
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
}

type Obj = Record<string, unknown>;
const OPEN: ResponseShape = Object.freeze({ open: true });
const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Build shapes over `root` (an OpenAPI document): local `$ref`s followed (a `$ref` already being
 * expanded is cut and left open), results of `$ref`s memoised and shared, depth limited to
 * `maxDepth` nested properties/items (deeper is open).
 */
export function createShapeBuilder(options: { root: unknown; maxDepth?: number }): ShapeBuilder {
  const { root } = options;
  const maxDepth = options.maxDepth ?? 12;
  const memo = new Map<string, Built>();
  const active = new Set<string>();
  const target = (ref: string): unknown => resolveLocalRef(root, ref);

  const build = (schema: unknown, depth: number): Built => {
    if (schema === false) return { shape: {}, kind: 'firm', cut: false };
    if (!isObj(schema)) return { shape: OPEN, kind: 'neutral', cut: false };
    if (depth > maxDepth) return { shape: OPEN, kind: 'firm', cut: true };
    const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    let fromRef: Built | undefined;
    if (ref !== undefined) {
      const resolved = target(ref);
      if (resolved === undefined) fromRef = { shape: OPEN, kind: 'firm', cut: false };
      else if (active.has(ref)) fromRef = { shape: OPEN, kind: 'firm', cut: true };
      else {
        fromRef = memo.get(ref);
        if (fromRef === undefined) {
          active.add(ref);
          fromRef = build(resolved, depth);
          active.delete(ref);
          if (!fromRef.cut) memo.set(ref, fromRef);
        }
      }
    }
    const parts: Built[] = [own(schema, depth)];
    if (fromRef !== undefined) parts.push(fromRef);
    for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) parts.push(build(member, depth));
    for (const key of ['oneOf', 'anyOf'] as const) {
      const alternatives = Array.isArray(schema[key]) ? schema[key] : [];
      if (alternatives.length > 0) parts.push(union(alternatives.map((m) => build(m, depth))));
    }
    return parts.length === 1 ? parts[0]! : intersect(parts);
  };

  /** The schema's own keywords, without $ref and composition. */
  const own = (schema: Obj, depth: number): Built => {
    let cut = false;
    const child = (value: unknown): ResponseShape => {
      const built = build(value, depth + 1);
      cut ||= built.cut;
      return built.shape;
    };
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
      (t): t is string => typeof t === 'string' && t !== 'null',
    );
    const extra = schema.additionalProperties;
    const explicitOpen =
      (extra !== undefined && extra !== false) || isObj(schema.patternProperties) || schema.if !== undefined;
    const shape: { -readonly [K in keyof ResponseShape]: ResponseShape[K] } = {};
    if (isObj(schema.properties)) {
      const properties: Record<string, ResponseShape> = {};
      for (const [name, value] of Object.entries(schema.properties)) properties[name] = child(value);
      shape.properties = properties;
    }
    if (schema.items !== undefined) shape.items = Array.isArray(schema.items) ? OPEN : child(schema.items);
    else if (types.includes('array')) shape.items = OPEN;
    if (explicitOpen) shape.open = true;
    const scalar = types.find((t) => SCALARS.has(t));
    if (scalar !== undefined && shape.properties === undefined && shape.items === undefined)
      shape.type = scalar;
    if (shape.properties !== undefined || shape.items !== undefined || explicitOpen || scalar !== undefined)
      return { shape, kind: 'firm', cut };
    return types.includes('object')
      ? { shape: OPEN, kind: 'free', cut }
      : { shape: OPEN, kind: 'neutral', cut };
  };

  return { shapeOf: (schema) => build(schema, 0).shape };
}

/** allOf: firm members merged; free or neutral ones only count when no member is firm. */
function intersect(parts: readonly Built[]): Built {
  const cut = parts.some((p) => p.cut);
  const firm = parts.filter((p) => p.kind === 'firm');
  if (firm.length > 0) return { shape: firm.map((p) => p.shape).reduce(mergeShapes), kind: 'firm', cut };
  return { shape: OPEN, kind: parts.some((p) => p.kind === 'free') ? 'free' : 'neutral', cut };
}

/** oneOf/anyOf: neutral alternatives (constraints only) dropped; a free one opens the union. */
function union(parts: readonly Built[]): Built {
  const cut = parts.some((p) => p.cut);
  const said = parts.filter((p) => p.kind !== 'neutral');
  if (said.length === 0) return { shape: OPEN, kind: 'neutral', cut };
  if (said.some((p) => p.kind === 'free')) return { shape: OPEN, kind: 'firm', cut };
  return { shape: said.map((p) => p.shape).reduce(mergeShapes), kind: 'firm', cut };
}
