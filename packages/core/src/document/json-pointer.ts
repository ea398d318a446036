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
