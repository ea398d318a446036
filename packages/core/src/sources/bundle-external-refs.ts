import { posix, relative, sep } from 'node:path';
import { joinPointer } from '../document/json-pointer.js';
import { loadReferencedOnce } from './load-referenced-file.js';
import { redactUrl } from './redact-url.js';
import { resolveSourceUri } from './resolve-source-uri.js';
import type { SourceLoader } from './types.js';

/** Root member under which bundleExternalRefs places the content of referenced files (an array). */
export const EXTERNAL_KEY = 'x-telaio-external';

/**
 * What follows `$ref` when its value does not start with `#` (the text tested is `$ref` then this):
 * a cheap test on the raw text before any walk.
 */
const EXTERNAL_REF_REST = /['"]?\s*:\s*['"]?[^\s'"#]/y;
/** Keywords whose values are data, not description: a `$ref` key in them is not a reference. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const']);

/** True when `text` may hold a `$ref` to another file (false positives only cost a walk). */
export function mayHaveExternalRefs(text: string): boolean {
  // The same answer as testing /\$ref['"]?\s*:\s*['"]?[^\s'"#]/ on the text, found by indexOf and a
  // sticky test at each `$ref`: that expression over megabytes cost up to 8 ms (its second run, when
  // V8 compiles it to native code), this loop under 1 ms.
  for (let at = text.indexOf('$ref'); at !== -1; at = text.indexOf('$ref', at + 4)) {
    EXTERNAL_REF_REST.lastIndex = at + 4;
    if (EXTERNAL_REF_REST.test(text)) return true;
  }
  return false;
}

/** An OpenAPI document with the files its `$ref`s reach folded into it. */
export interface BundledApi {
  /** The document, every followable `$ref` now local (`#/x-telaio-external/N/...` for other files). */
  readonly api: unknown;
  /** Every referenced file read, with the sha256 of its text (for the disk cache). */
  readonly files: readonly { readonly uri: string; readonly hash: string }[];
  /** Referenced files that could not be loaded or parsed, in words (missing file and referring pointer). */
  readonly problems: readonly string[];
}

interface Slot {
  readonly slot: number;
  content?: unknown;
  hash?: string;
}

/**
 * Follow the external `$ref`s of `api` (read from `uri`): each referenced file is loaded through
 * `loader` (once per process), parsed, and its own `$ref`s followed relative to its URI; cycles end at
 * files already seen. The result is one document whose `$ref`s are all local, so the local resolvers
 * (createRefResolver, createShapeBuilder) handle split descriptions unchanged. `$ref`s to files that
 * cannot be read are kept as written and reported in `problems`.
 */
export async function bundleExternalRefs(options: {
  api: unknown;
  uri: string;
  loader: SourceLoader;
}): Promise<BundledApi> {
  const { api, uri: rootUri, loader } = options;
  const slots = new Map<string, Slot>();
  const problems: string[] = [];
  let pending: { uri: string; content: unknown }[] = [{ uri: rootUri, content: api }];
  while (pending.length > 0) {
    const found: { uri: string; ref: string; where: string }[] = [];
    for (const file of pending) {
      mapRefs(file.content, [], (ref, tokens) => {
        const target = targetOf(ref, file.uri);
        if (target === undefined) return undefined;
        const where = `${shownFile(file.uri, rootUri)}#${joinPointer(tokens)}/$ref`;
        if ('error' in target) problems.push(`bad $ref '${redactUrl(ref)}' at ${where}: ${target.error}`);
        else if (target.uri !== rootUri && !slots.has(target.uri)) {
          slots.set(target.uri, { slot: slots.size });
          found.push({ uri: target.uri, ref, where });
        }
        return undefined;
      });
    }
    const next: { uri: string; content: unknown; slot: number }[] = [];
    await Promise.all(
      found.map(async ({ uri, ref, where }) => {
        const loaded = await loadReferencedOnce(loader, uri);
        const shown = `'${redactUrl(ref)}' (referenced at ${where})`;
        if (!loaded.ok) return void problems.push(`cannot load ${shown}: ${loaded.reason}`);
        const entry = slots.get(uri) as Slot;
        try {
          entry.content = loaded.parsed();
          entry.hash = loaded.hash;
          next.push({ uri, content: entry.content, slot: entry.slot });
        } catch (error) {
          problems.push(`cannot parse ${shown}: ${(error as Error).message.split('\n')[0]}`);
        }
      }),
    );
    pending = next.sort((a, b) => a.slot - b.slot);
  }
  if (slots.size === 0) return { api, files: [], problems };
  const local = (base: string) => (ref: string) => {
    const target = targetOf(ref, base);
    if (target === undefined || 'error' in target) return undefined;
    if (target.uri === rootUri) return `#${target.fragment}`;
    const entry = slots.get(target.uri);
    return entry?.hash === undefined ? undefined : `#/${EXTERNAL_KEY}/${entry.slot}${target.fragment}`;
  };
  const external: unknown[] = [];
  const files: { uri: string; hash: string }[] = [];
  for (const [uri, entry] of slots) {
    external[entry.slot] = entry.hash === undefined ? null : mapRefs(entry.content, [], local(uri));
    if (entry.hash !== undefined) files.push({ uri, hash: entry.hash });
  }
  const root = mapRefs(api, [], local(rootUri));
  return { api: { ...(root as object), [EXTERNAL_KEY]: external }, files, problems };
}

/** The file and JSON-pointer fragment a `$ref` names; undefined for a local ref or a non-pointer fragment. */
function targetOf(
  ref: string,
  base: string,
): { uri: string; fragment: string } | { error: string } | undefined {
  const hash = ref.indexOf('#');
  const path = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  if (fragment !== '' && !fragment.startsWith('/')) return undefined;
  if (path === '') return { uri: base, fragment };
  try {
    return { uri: resolveSourceUri({ base, ref: path }), fragment };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/**
 * `node` with each `$ref` string replaced by `visit`'s answer (undefined keeps it). Unchanged subtrees
 * are shared, not copied; the values of data keywords (`example`, `default`...) are not entered.
 */
function mapRefs(
  node: unknown,
  tokens: string[],
  visit: (ref: string, tokens: readonly string[]) => string | undefined,
): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      tokens.push(String(i));
      const next = mapRefs(node[i], tokens, visit);
      tokens.pop();
      if (next === node[i]) continue;
      out ??= node.slice();
      out[i] = next;
    }
    return out ?? node;
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, child] of Object.entries(node)) {
    if (DATA_KEYS.has(key)) continue;
    let next: unknown;
    if (key === '$ref' && typeof child === 'string') next = visit(child, tokens) ?? child;
    else {
      tokens.push(key);
      next = mapRefs(child, tokens, visit);
      tokens.pop();
    }
    if (next === child) continue;
    out ??= { ...node };
    out[key] = next;
  }
  return out ?? node;
}

/** A referring file as shown in messages: relative to the root source's directory when local. */
function shownFile(uri: string, rootUri: string): string {
  if (uri === rootUri) return '';
  if (/^https?:/i.test(uri)) return redactUrl(uri);
  const rootDir = rootUri.slice(0, Math.max(rootUri.lastIndexOf('/'), rootUri.lastIndexOf(sep)));
  return relative(rootDir, uri).split(sep).join(posix.sep);
}
