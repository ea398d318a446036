import { resolveLocalRef } from '../document/json-pointer.js';
import { reachesLocalRef } from './reaches-local-ref.js';

/** A local `$ref` as written in YAML or JSON text (`$ref: '#/...'`, `"$ref": "#/..."`). */
const LOCAL_REF = /\$ref["']?\s*:\s*["']?(#[^"'\s,}\]]*)/g;

/**
 * The local `$ref`s written in a source's text that reach nothing in `api`, each once: a quick
 * scan of the text (no walk of the parsed tree), so a source without any costs one regex pass.
 * `$ref`s inside examples count too: a broken one there is worth a warning, never an error.
 */
export function findBrokenLocalRefs(options: { text: string; api: unknown }): string[] {
  const seen = new Set<string>();
  const broken: string[] = [];
  for (const match of options.text.matchAll(LOCAL_REF)) {
    const ref = match[1] as string;
    if (seen.has(ref)) continue;
    seen.add(ref);
    // (reachesLocalRef: a target a lazy parse deferred is not built for this)
    if (!reachesLocalRef(options.api, ref)) broken.push(ref);
  }
  return broken;
}

type Obj = Record<string, unknown>;
/** Keys under which nothing is needed to send a request or read its response. */
const NOT_NEEDED = new Set(['example', 'examples', 'default', 'enum', 'const', 'links', 'callbacks']);

/**
 * A walker over one parsed OpenAPI document that tells which `$ref`s a part of it needs but that
 * cannot be resolved: local ones that reach nothing, and any still not local (a file that could
 * not be loaded). Local `$ref`s are followed (each target walked once, cycles cut); examples,
 * links, callbacks and `x-` extensions are not entered: a request can be sent without them.
 */
export function createNeedWalker(root: unknown): (value: unknown) => string[] {
  const memo = new Map<string, readonly string[]>();
  const active = new Set<string>();
  const walk = (value: unknown, out: Set<string>): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, out);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const ref = (value as Obj).$ref;
    if (typeof ref === 'string') {
      for (const needed of follow(ref)) out.add(needed);
    }
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' || NOT_NEEDED.has(key) || key.startsWith('x-')) continue;
      walk(child, out);
    }
  };
  const follow = (ref: string): readonly string[] => {
    if (!ref.startsWith('#')) return [ref];
    const cached = memo.get(ref);
    if (cached !== undefined) return cached;
    if (active.has(ref)) return [];
    const target = resolveLocalRef(root, ref);
    if (target === undefined) return [ref];
    active.add(ref);
    const out = new Set<string>();
    walk(target, out);
    active.delete(ref);
    const list = [...out];
    if (active.size === 0) memo.set(ref, list);
    return list;
  };
  return (value) => {
    const out = new Set<string>();
    walk(value, out);
    return [...out];
  };
}
