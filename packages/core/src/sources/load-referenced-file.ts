import { TelaioError } from '../errors.js';
import { digestSha256Hex } from './digest-sha256.js';
import { parseSourceText } from './parse-source-text.js';
import type { SourceLoader } from './types.js';

/** A file reached through an external `$ref` of an OpenAPI source, or why it could not be read. */
export type ReferencedFile =
  | {
      readonly ok: true;
      readonly uri: string;
      /** sha256 of the text (the disk cache compares it). */
      readonly hash: string;
      /** The parsed content, parsed on first call; throws the parse error. */
      readonly parsed: () => unknown;
    }
  | { readonly ok: false; readonly uri: string; readonly reason: string };

/** Per loader, per absolute URI: the one load of that referenced file in this process. */
let cache = new WeakMap<SourceLoader, Map<string, Promise<ReferencedFile>>>();

/**
 * Load (through `loader`, so embedders and tests can intercept) and hash a file named by an external
 * `$ref`, once per process per loader. Never rejects: failures come back with `ok: false`.
 */
export function loadReferencedOnce(loader: SourceLoader, uri: string): Promise<ReferencedFile> {
  let byUri = cache.get(loader);
  if (byUri === undefined) {
    byUri = new Map();
    cache.set(loader, byUri);
  }
  let pending = byUri.get(uri);
  if (pending === undefined) {
    pending = loadReferenced(loader, uri);
    byUri.set(uri, pending);
  }
  return pending;
}

async function loadReferenced(loader: SourceLoader, uri: string): Promise<ReferencedFile> {
  let text: string;
  try {
    text = (await loader.load(uri)).text;
  } catch (error) {
    const reason = error instanceof TelaioError || error instanceof Error ? error.message : String(error);
    return { ok: false, uri, reason };
  }
  const hash = digestSha256Hex([text]);
  let parsed: { value: unknown } | undefined;
  const parse = (): unknown => {
    parsed ??= { value: parseSourceText(text) };
    return parsed.value;
  };
  return { ok: true, uri, hash, parsed: parse };
}

/** Forget every referenced file loaded so far (clearSourceCache calls it). */
export function clearReferencedFiles(): void {
  cache = new WeakMap();
}
