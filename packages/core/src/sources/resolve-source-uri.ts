import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute URI of `ref` (a sourceDescription url) relative to the document at `base`. Local files stay
 * plain absolute paths; http(s) bases resolve as URLs; `file:` URLs become paths.
 */
export function resolveSourceUri(options: { base: string; ref: string }): string {
  const { base, ref } = options;
  if (/^https?:/i.test(ref)) return new URL(ref).href;
  if (/^file:/i.test(ref)) return fileURLToPath(ref);
  if (/^https?:/i.test(base)) return new URL(ref, base).href;
  const local = safeDecode(ref);
  return isAbsolute(local) ? local : resolve(dirname(toPath(base)), local);
}

/** The absolute path (or URL) a document URI stands for: relative paths from the working directory. */
export function normalizeDocumentUri(uri: string): string {
  if (/^https?:/i.test(uri)) return new URL(uri).href;
  return resolve(toPath(uri));
}

function toPath(uri: string): string {
  return /^file:/i.test(uri) ? fileURLToPath(uri) : uri;
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
