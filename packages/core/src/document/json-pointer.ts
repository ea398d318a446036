/**
 * JSON Pointer (RFC 6901) helpers shared by documents, schema diagnostics and sources.
 */

/** Escape one reference token (`~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Join reference tokens into a pointer (`['a/b', 0]` → `/a~1b/0`; `[]` → ``). */
export function joinPointer(tokens: readonly (string | number)[]): string {
  let out = '';
  for (const token of tokens) out += `/${escapePointerToken(token)}`;
  return out;
}

/** Split a pointer into decoded reference tokens (`/a~1b/0` → `['a/b', '0']`); a leading `#` is ignored. */
export function splitPointer(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The decoded tokens of a URI fragment holding a JSON Pointer (`#/paths/~1pets%7Bid%7D/get`), or
 * undefined when it is not one. RFC 6901 §6: the fragment is percent-decoded first, then each
 * token's `~1`/`~0` are undone (in that order).
 */
export function splitFragment(ref: string): string[] | undefined {
  if (!ref.startsWith('#')) return undefined;
  let fragment: string;
  try {
    fragment = decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
  if (fragment !== '' && !fragment.startsWith('/')) return undefined;
  return splitPointer(fragment);
}

/**
 * The node a local `$ref` (`#/components/inputs/x`) points at in `root`, or undefined when the ref
 * is not local, is not a JSON Pointer fragment, or reaches nothing (see splitFragment).
 */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  const tokens = splitFragment(ref);
  if (tokens === undefined) return undefined;
  let node = root;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
