/**
 * Payload Replacement Objects on a JSON payload: `target` is a JSON Pointer (RFC 6901) resolved
 * against the request body; the value is set there (`-` appends to an array; the empty pointer
 * replaces the whole body). A target whose parent does not exist is reported, not invented.
 */
import { splitPointer } from '../../../document/json-pointer.js';
import { getOwn, setOwn } from '../../../document/set-own.js';

/** Apply replacements to a copy of `payload`; `onMiss` hears of targets that reach nothing. */
export function applyJsonReplacements(options: {
  payload: unknown;
  replacements: readonly { readonly target: string; readonly value: unknown }[];
  onMiss: (target: string, reason: string) => void;
}): unknown {
  let root: unknown = options.payload === undefined ? {} : structuredClone(options.payload);
  for (const { target, value } of options.replacements) {
    const tokens = splitPointer(target);
    const last = tokens.pop();
    if (last === undefined) {
      root = value;
      continue;
    }
    let parent: unknown = root;
    for (const token of tokens) {
      parent = getOwn(parent, token);
    }
    if (Array.isArray(parent)) {
      const index = last === '-' ? parent.length : /^(0|[1-9]\d*)$/.test(last) ? Number(last) : Number.NaN;
      if (Number.isNaN(index) || index > parent.length)
        options.onMiss(target, `'${last}' is not an index of the array`);
      else parent[index] = value;
    } else if (parent !== null && typeof parent === 'object')
      setOwn(parent as Record<string, unknown>, last, value);
    else options.onMiss(target, "the target's parent does not exist in the payload");
  }
  return root;
}
