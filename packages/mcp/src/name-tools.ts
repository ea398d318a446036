/**
 * Tool names from workflowIds. MCP names are 1-128 characters of `A-Z a-z 0-9 _ - .`; many
 * clients (and model APIs) accept only `^[A-Za-z0-9_-]{1,64}$`, so names keep to that.
 */

/** A workflow to name: its id and the document it comes from. */
export interface NameRequest {
  readonly workflowId: string;
  /** Path or URL of its document (its file stem prefixes the name when ids collide). */
  readonly uri: string;
}

const MAX = 64;

/** `text` with every character outside `[A-Za-z0-9_-]` replaced by `_`, cut to `max`. */
function sanitise(text: string, max = MAX): string {
  const clean = text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return (clean === '' ? 'workflow' : clean).slice(0, max);
}

/** The document's file stem without `.arazzo`, `-workflow(s)` and extension: `stytch-b2b-totp-enrollment`. */
function stemOf(uri: string): string {
  const base = uri.split(/[\\/]/).pop() ?? uri;
  return base
    .replace(/\.(ya?ml|json)$/i, '')
    .replace(/[.-]arazzo$/i, '')
    .replace(/[.-]workflows?$/i, '');
}

/**
 * One valid, unique tool name per request, in order: the workflowId as is when it is valid and no
 * other document has it; else `<file stem>__<workflowId>`, sanitised; a `_2`, `_3`... suffix
 * settles what is still equal.
 */
export function nameTools(requests: readonly NameRequest[]): string[] {
  const count = new Map<string, number>();
  for (const r of requests) count.set(r.workflowId, (count.get(r.workflowId) ?? 0) + 1);
  const taken = new Set<string>();
  return requests.map((r) => {
    const shared = (count.get(r.workflowId) ?? 0) > 1;
    const id = sanitise(r.workflowId);
    const base = shared
      ? `${sanitise(stemOf(r.uri), Math.max(8, MAX - id.length - 2))}__${id}`.slice(0, MAX)
      : id;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base.slice(0, MAX - String(n).length - 1)}_${n}`;
    taken.add(name);
    return name;
  });
}
