import type { ResponseShape } from './types.js';

/**
 * The shape that allows what either shape allows: properties of both (shared ones merged), items
 * merged, open when either is open. Never mutates its inputs (shapes are shared between operations).
 */
export function mergeShapes(a: ResponseShape, b: ResponseShape): ResponseShape {
  if (a === b) return a;
  const out: { -readonly [K in keyof ResponseShape]: ResponseShape[K] } = {};
  if (a.properties !== undefined || b.properties !== undefined) {
    const properties: Record<string, ResponseShape> = { ...a.properties };
    for (const [name, shape] of Object.entries(b.properties ?? {})) {
      const mine = properties[name];
      properties[name] = mine === undefined ? shape : mergeShapes(mine, shape);
    }
    out.properties = properties;
  }
  if (a.items !== undefined || b.items !== undefined)
    out.items =
      a.items === undefined ? b.items : b.items === undefined ? a.items : mergeShapes(a.items, b.items);
  if (a.open === true || b.open === true) out.open = true;
  const type = a.type ?? b.type;
  if (type !== undefined && out.properties === undefined && out.items === undefined) out.type = type;
  return out;
}
