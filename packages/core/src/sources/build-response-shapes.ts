import type { ShapeBuilder } from './create-shape-builder.js';
import { defineLazyProperty } from './define-lazy-property.js';
import { mergeLazyShapes } from './merge-lazy-shapes.js';
import { mergeShapes } from './merge-shapes.js';
import type { ResponseShape } from './types.js';

type Obj = Record<string, unknown>;
const asObj = (value: unknown): Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {};
/** `application/json`, `application/problem+json`, `*\/*`...: media types a JSON pointer reads into. */
const JSON_MEDIA = /json|^\*\/\*$|^application\/\*$/i;

/**
 * Shapes of the JSON bodies of one operation's responses (`$ref`s at the response level already
 * resolved), by status. A response with no JSON content has no entry; one with JSON content but no
 * schema is open. Undefined when no response has a JSON body. Which statuses have an entry is
 * known at once; each shape is built on its first read.
 */
export function buildResponseShapes(options: {
  responses: Readonly<Record<string, unknown>>;
  builder: ShapeBuilder;
}): Record<string, ResponseShape> | undefined {
  let out: Record<string, ResponseShape> | undefined;
  // Per status with a JSON body: its media type objects, and its shape once built (by the property
  // below, for the disk cache or any reader) or else its lazily built one (readResponseShape, lint).
  const byStatus = new Map<string, StatusShapes>();
  for (const [status, response] of Object.entries(options.responses)) {
    const contents: unknown[] = [];
    for (const [media, content] of Object.entries(asObj(asObj(response).content)))
      if (JSON_MEDIA.test(media)) contents.push(content);
    if (contents.length === 0) continue;
    out ??= {};
    const entry: StatusShapes = { contents };
    byStatus.set(status, entry);
    // Built on first read: the shape builder's results do not depend on the order shapes are asked
    // for. The media type objects are read then too (a lazy YAML parse builds them only then).
    defineLazyProperty(out, status, () => {
      entry.built = shapeOf(contents, options.builder, false);
      return entry.built;
    });
  }
  if (out !== undefined) {
    // A shape built already (a cache write builds them all) is read as it is, not built again lazily.
    const read = (status: string): ResponseShape | undefined => {
      const entry = byStatus.get(status);
      if (entry === undefined) return undefined;
      entry.lazy ??= entry.built ?? shapeOf(entry.contents, options.builder, true);
      return entry.lazy;
    };
    Object.defineProperty(out, LAZY_SHAPE, { value: read });
  }
  return out;
}

/** A status's JSON media type objects, and its shape as built or as built lazily. */
interface StatusShapes {
  readonly contents: unknown[];
  built?: ResponseShape;
  lazy?: ResponseShape;
}

/** The shape of a response's JSON bodies: the union of its media types' schemas. */
function shapeOf(contents: readonly unknown[], builder: ShapeBuilder, lazy: boolean): ResponseShape {
  let shape: ResponseShape | undefined;
  for (const content of contents) {
    const schema = asObj(content).schema;
    const next =
      schema === undefined
        ? { open: true as const }
        : lazy
          ? builder.lazyShapeOf(schema)
          : builder.shapeOf(schema);
    shape = shape === undefined ? next : lazy ? mergeLazyShapes(shape, next) : mergeShapes(shape, next);
  }
  return shape as ResponseShape;
}

/** Where a record of buildResponseShapes keeps its lazy reader (not enumerable, not serialised). */
const LAZY_SHAPE = Symbol('lazy response shape');

/**
 * The shape of `status` in `shapes` for reading one pointer: built level by level as it is read
 * (ShapeBuilder.lazyShapeOf) when `shapes` came from buildResponseShapes here, else (shapes read back
 * from the disk cache) the stored shape. Both read the same.
 */
export function readResponseShape(
  shapes: { readonly [status: string]: ResponseShape },
  status: string,
): ResponseShape | undefined {
  const lazy = (shapes as { [LAZY_SHAPE]?: (status: string) => ResponseShape | undefined })[LAZY_SHAPE];
  return lazy === undefined ? shapes[status] : lazy(status);
}
