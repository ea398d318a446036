/**
 * Bounds on a parsed YAML/JSON value before anything walks it. js-yaml resolves an alias to the
 * same object as its anchor, so a "billion laughs" text of a few hundred bytes parses at once into
 * a graph whose expansion (what every later walk, JSON.stringify or validator sees) holds 10^9
 * values. This walk visits each distinct node once (sizes memoised by identity, an explicit stack:
 * no recursion) and finds: aliases that add more than `maxAliasValues` values, nesting deeper than
 * `maxDepth`, and an alias that contains itself.
 */
import { escapePointerToken } from './json-pointer.js';

/** What findExpansionProblem found: the node where a bound was passed, and why. */
export interface ExpansionProblem {
  /** JSON Pointer of the node (for an alias problem: where its anchor was first met). */
  readonly pointer: string;
  readonly message: string;
}

/** The bounds; both have defaults. */
export interface ExpansionLimits {
  /** Values that aliases may add beyond the distinct nodes of the text (default 100 000). */
  readonly maxAliasValues?: number;
  /** Deepest nesting of mappings and sequences (default 256). */
  readonly maxDepth?: number;
}

/** The default bound on values added by aliases. */
export const DEFAULT_MAX_ALIAS_VALUES = 100_000;
/** The default bound on nesting. */
export const DEFAULT_MAX_DEPTH = 256;

interface Frame {
  readonly node: object;
  readonly pointer: string;
  readonly keys: readonly string[];
  index: number;
  size: number;
}

/** The first bound `value` passes, or undefined when it is within all of them. */
export function findExpansionProblem(
  value: unknown,
  limits: ExpansionLimits = {},
): ExpansionProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const maxAlias = limits.maxAliasValues ?? DEFAULT_MAX_ALIAS_VALUES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const firstSeen = new Map<object, string>();
  let distinct = 0;
  const enter = (node: object, pointer: string): Frame => {
    open.add(node);
    firstSeen.set(node, pointer);
    distinct += 1;
    return { node, pointer, keys: Object.keys(node), index: 0, size: 1 };
  };
  const stack: Frame[] = [enter(value, '')];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.index === frame.keys.length) {
      stack.pop();
      open.delete(frame.node);
      sizes.set(frame.node, frame.size);
      if (stack.length > 0) (stack[stack.length - 1] as Frame).size += frame.size;
      if (frame.size - distinct > maxAlias)
        return {
          pointer: frame.pointer,
          message:
            `YAML aliases here expand to ${frame.size} values, more than ${maxAlias} beyond the ` +
            'document\'s own (an alias bomb, "billion laughs"?); refused before anything reads it',
        };
      continue;
    }
    const key = frame.keys[frame.index] as string;
    frame.index += 1;
    const child = (frame.node as Record<string, unknown>)[key];
    if (child === null || typeof child !== 'object') {
      frame.size += 1;
      distinct += 1; // a scalar is shared only inside an aliased node, counted through `sizes`
      continue;
    }
    const pointer = `${frame.pointer}/${escapePointerToken(key)}`;
    const known = sizes.get(child);
    if (known !== undefined) frame.size += known;
    else if (open.has(child))
      return {
        pointer,
        message: `a YAML alias contains itself (its anchor is at ${firstSeen.get(child) || '/'})`,
      };
    else if (stack.length >= maxDepth)
      return { pointer, message: `nesting deeper than ${maxDepth} levels; refused before anything reads it` };
    else stack.push(enter(child, pointer));
  }
  return undefined;
}
