import { createRequire } from 'node:module';

/** js-yaml's API, loaded on first use: text the fast YAML reader reads never needs it. */
export type JsYamlModule = typeof import('js-yaml');

let cached: JsYamlModule | undefined;

/**
 * Load js-yaml synchronously on first call: only text the fast YAML reader (yaml/parse-yaml-fast.ts)
 * gives up on (anchors, tags, flow collections over several lines, syntax errors...) needs it, so a
 * cold `telaio run` or `validate` of block-style YAML no longer compiles it at start. The CLI bundle
 * turns this require into one of its side bundle (scripts/bundle.mjs, SIDE_BUNDLES).
 */
export function requireJsYaml(): JsYamlModule {
  if (cached === undefined) cached = createRequire(import.meta.url)('js-yaml') as JsYamlModule;
  return cached;
}
