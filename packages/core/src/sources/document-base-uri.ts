/**
 * The base URI of an Arazzo document (1.1.0 §Establishing the Base URI, RFC 3986 §5.1): its `$self`
 * when that is absolute; a relative `$self` resolved first against the retrieval URI; without
 * `$self`, the retrieval URI (for `engine.load({uri, text})`, the `uri` the application gives: an
 * encapsulating entity's Content-Location or an application default). Relative sourceDescription
 * urls resolve against it.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The document's `$self` as an absolute URI (resolved against `uri`, the retrieval URI or path), or
 * undefined when it has none (or it cannot be resolved).
 */
export function resolvedSelf(options: { uri: string; self: unknown }): string | undefined {
  const { self, uri } = options;
  if (typeof self !== 'string') return undefined;
  if (SCHEME.test(self) && !/^[a-z]:[\\/]/i.test(self)) return self;
  try {
    const base = SCHEME.test(uri) && !/^[a-z]:[\\/]/i.test(uri) ? uri : pathToFileURL(uri).href;
    return new URL(self, base).href;
  } catch {
    return undefined;
  }
}

/**
 * The base against which the document's relative references resolve, in the form resolveSourceUri
 * takes: an http(s) URL, another absolute URI, or a local path (for `file:` bases).
 */
export function documentBaseUri(options: { uri: string; self: unknown }): string {
  const self = resolvedSelf(options);
  if (self === undefined) return options.uri;
  return /^file:/i.test(self) ? fileURLToPath(self) : self;
}
