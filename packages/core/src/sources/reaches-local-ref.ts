import { splitFragment } from '../document/json-pointer.js';
import { isLazyValue } from '../yaml/lazy-region.js';

/**
 * Whether the local `$ref` reaches something in `root`: resolveLocalRef's answer (not undefined),
 * without building the target when a lazy YAML parse deferred it (a deferred value is never
 * undefined); the objects on the way are built, as resolveLocalRef would.
 */
export function reachesLocalRef(root: unknown, ref: string): boolean {
  const tokens = splitFragment(ref);
  if (tokens === undefined) return false;
  let node = root;
  const last = tokens.length - 1;
  for (let i = 0; i <= last; i++) {
    const token = tokens[i] as string;
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return false;
    if (i === last && isLazyValue(node, token)) return true;
    node = (node as Record<string, unknown>)[token];
  }
  return node !== undefined;
}
