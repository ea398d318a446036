import { defineLazyProperty } from './define-lazy-property.js';
import type { ResponseShape } from './types.js';

/**
 * mergeShapes for shapes whose members are accessors built on first read (ShapeBuilder.lazyShapeOf):
 * the same shape, property names in the same order, but no member is read to merge it: a member of
 * one side keeps its accessor, a member of both becomes an accessor merging the two when read.
 * Reads the same as mergeShapes of the fully built shapes. Never mutates its inputs.
 */
export function mergeLazyShapes(a: ResponseShape, b: ResponseShape): ResponseShape {
  if (a === b) return a;
  const out: { -readonly [K in keyof ResponseShape]: ResponseShape[K] } = {};
  if (a.properties !== undefined || b.properties !== undefined) {
    const properties: Record<string, ResponseShape> = {};
    const mine = a.properties ?? {};
    const theirs = b.properties ?? {};
    for (const name of Object.keys(mine)) {
      if (Object.hasOwn(theirs, name))
        defineLazyProperty(properties, name, () => merge(mine[name], theirs[name]));
      else copyMember(properties, mine, name);
    }
    for (const name of Object.keys(theirs))
      if (!Object.hasOwn(mine, name)) copyMember(properties, theirs, name);
    out.properties = properties;
  }
  const aItems = Object.hasOwn(a, 'items');
  const bItems = Object.hasOwn(b, 'items');
  if (aItems && bItems) defineLazyProperty(out, 'items', () => merge(a.items, b.items));
  else if (aItems || bItems) copyMember(out, aItems ? a : b, 'items');
  if (a.open === true || b.open === true) out.open = true;
  const type = a.type ?? b.type;
  if (type !== undefined && out.properties === undefined && !aItems && !bItems) out.type = type;
  return out;
}

/** The two members (both present: `Object.hasOwn` checked them) merged. */
function merge(a: ResponseShape | undefined, b: ResponseShape | undefined): ResponseShape {
  return mergeLazyShapes(a as ResponseShape, b as ResponseShape);
}

/** `to[name]` as `from[name]` is: its accessor (not read) or its value. */
function copyMember(to: object, from: object, name: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(from, name);
  if (descriptor !== undefined)
    Object.defineProperty(to, name, { ...descriptor, enumerable: true, configurable: true });
}
