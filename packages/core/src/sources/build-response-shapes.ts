import type { ShapeBuilder } from './create-shape-builder.js';
import { defineLazyProperty } from './define-lazy-property.js';
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
  for (const [status, response] of Object.entries(options.responses)) {
    const contents: unknown[] = [];
    for (const [media, content] of Object.entries(asObj(asObj(response).content)))
      if (JSON_MEDIA.test(media)) contents.push(content);
    if (contents.length === 0) continue;
    out ??= {};
    // Built on first read: the shape builder's results do not depend on the order shapes are asked
    // for. The media type objects are read then too (a lazy YAML parse builds them only then).
    defineLazyProperty(out, status, () => {
      let shape: ResponseShape | undefined;
      for (const content of contents) {
        const schema = asObj(content).schema;
        const next = schema === undefined ? { open: true as const } : options.builder.shapeOf(schema);
        shape = shape === undefined ? next : mergeShapes(shape, next);
      }
      return shape as ResponseShape;
    });
  }
  return out;
}
