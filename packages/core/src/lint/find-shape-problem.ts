import { joinPointer } from '../document/json-pointer.js';
import type { ResponseShape } from '../sources/types.js';
import { editDistance } from './edit-distance.js';

/** Why a JSON pointer cannot reach anything in a set of shapes. */
export interface ShapeProblem {
  /** The first token nothing allows. */
  readonly token: string;
  /** Pointer of the value the token was looked up in (`''` for the body itself). */
  readonly parent: string;
  /** The message tail: what is there instead. */
  readonly detail: string;
}

const INDEX = /^(0|[1-9][0-9]*|-)$/;
const MAX_LISTED = 8;

/**
 * Walk `tokens` through the union of `shapes`. A token is fine when some shape at that level lists
 * it as a property, or is an array and the token an index; an open shape accepts everything
 * beneath it. Returns the first token no shape allows, with the names that do exist there
 * (closest by edit distance first), or undefined when the pointer may resolve.
 */
export function findShapeProblem(
  shapes: readonly ResponseShape[],
  tokens: readonly string[],
): ShapeProblem | undefined {
  let current = shapes;
  for (const [i, token] of tokens.entries()) {
    if (current.length === 0 || current.some((s) => s.open === true)) return undefined;
    const next: ResponseShape[] = [];
    for (const shape of current) {
      const property = shape.properties === undefined ? undefined : Object.hasOwn(shape.properties, token);
      if (property === true) next.push(shape.properties![token]!);
      // The index first: a lazily built shape builds its items only when a pointer reads them.
      if (INDEX.test(token) && shape.items !== undefined) next.push(shape.items);
    }
    if (next.length === 0)
      return { token, parent: joinPointer(tokens.slice(0, i)), detail: describe(current, token) };
    current = next;
  }
  return undefined;
}

/** What the values at a level hold: their property names nearest first, an array, or a scalar type. */
function describe(shapes: readonly ResponseShape[], token: string): string {
  const names = [...new Set(shapes.flatMap((s) => Object.keys(s.properties ?? {})))];
  const parts: string[] = [];
  if (names.length > 0) {
    const wanted = token.toLowerCase();
    const ranked = names
      .map((name) => ({ name, distance: editDistance(wanted, name.toLowerCase()) }))
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
      .map((r) => r.name);
    const more = ranked.length > MAX_LISTED ? `, and ${ranked.length - MAX_LISTED} more` : '';
    parts.push(`properties there: ${ranked.slice(0, MAX_LISTED).join(', ')}${more}`);
  }
  if (shapes.some((s) => s.items !== undefined)) parts.push('an array there: use an index');
  const types = [...new Set(shapes.flatMap((s) => (s.type === undefined ? [] : [s.type])))];
  if (types.length > 0) parts.push(`a ${types.join(' or ')} there, with no members`);
  if (parts.length === 0) parts.push('a value with no members there');
  return parts.join('; ');
}
