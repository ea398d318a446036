/**
 * Payload Replacement Objects on a JSON payload: `target` is a JSON Pointer (RFC 6901) resolved
 * against the request body; the value is set there (`-` appends to an array; the empty pointer
 * replaces the whole body). A target whose parent does not exist is reported, not invented. With a
 * 1.1 `targetSelectorType` of jsonpath, the value is set at every location the JSONPath selects.
 */
import { splitPointer } from '../../../document/json-pointer.js';
import { getOwn, setOwn } from '../../../document/set-own.js';
import type { ReplacementSelector } from './replacement-selector.js';
import { selectJsonLocations } from './select-json-locations.js';

/** Apply replacements to a copy of `payload`; `onMiss` hears of targets that reach nothing. */
export function applyJsonReplacements(options: {
  payload: unknown;
  replacements: readonly {
    readonly target: string;
    readonly value: unknown;
    readonly selector?: ReplacementSelector;
  }[];
  onMiss: (target: string, reason: string) => void;
}): unknown {
  let root: unknown = options.payload === undefined ? {} : structuredClone(options.payload);
  for (const { target, value, selector } of options.replacements) {
    let locations: string[][];
    if (selector?.type === 'jsonpath') {
      try {
        locations = selectJsonLocations(root, target, selector.version);
      } catch (error) {
        options.onMiss(target, `JSONPath failed: ${(error as Error).message}`);
        continue;
      }
      if (locations.length === 0) options.onMiss(target, 'the JSONPath selects nothing in the payload');
    } else locations = [splitPointer(target)];
    for (const tokens of locations) root = setAt(root, tokens, target, value, options.onMiss);
  }
  return root;
}

/** Set `value` at `tokens` in `root` (the new root when `tokens` is empty). */
function setAt(
  root: unknown,
  tokens: string[],
  target: string,
  value: unknown,
  onMiss: (target: string, reason: string) => void,
): unknown {
  const last = tokens.pop();
  if (last === undefined) return value;
  let parent: unknown = root;
  for (const token of tokens) {
    parent = getOwn(parent, token);
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : /^(0|[1-9]\d*)$/.test(last) ? Number(last) : Number.NaN;
    if (Number.isNaN(index) || index > parent.length)
      onMiss(target, `'${last}' is not an index of the array`);
    else parent[index] = value;
  } else if (parent !== null && typeof parent === 'object')
    setOwn(parent as Record<string, unknown>, last, value);
  else onMiss(target, "the target's parent does not exist in the payload");
  return root;
}
