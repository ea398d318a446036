import { type LoadArazzoTextResult, loadArazzoText } from '../document/load-arazzo-text.js';
import type { SourceLoader } from './types.js';

/** Per loader, per absolute URI: the text last parsed and what parsing it gave. */
let parsed = new WeakMap<SourceLoader, Map<string, { text: string; result: LoadArazzoTextResult }>>();

/**
 * loadArazzoText, once per process per loader for the same URI and text: a document validated
 * together with others is read as the entry and again as a candidate for their `$self` identities
 * (collect-identities.ts), and one named as a source by several documents is loaded for each; all
 * of them share one parse (and one ArazzoFile, whose position map is then built at most once).
 * A changed text is parsed anew. The diagnostics list is the caller's own copy.
 */
export function loadArazzoOnce(options: {
  uri: string;
  text: string;
  loader: SourceLoader;
}): LoadArazzoTextResult {
  const { uri, text, loader } = options;
  let byUri = parsed.get(loader);
  if (byUri === undefined) {
    byUri = new Map();
    parsed.set(loader, byUri);
  }
  let entry = byUri.get(uri);
  if (entry === undefined || entry.text !== text) {
    entry = { text, result: loadArazzoText({ uri, text }) };
    byUri.set(uri, entry);
  }
  const { file, diagnostics } = entry.result;
  return file === undefined ? { diagnostics: [...diagnostics] } : { file, diagnostics: [...diagnostics] };
}

/** Forget every parse loadArazzoOnce kept (clearSourceCache calls it). */
export function clearArazzoParses(): void {
  parsed = new WeakMap();
}
