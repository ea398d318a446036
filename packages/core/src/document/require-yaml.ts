import { createRequire } from 'node:module';

/** The `yaml` package's API, loaded on first use: a clean document never needs it. */
export type YamlModule = typeof import('yaml');

let cached: YamlModule | undefined;

/**
 * Load the `yaml` package synchronously on first call (about 25 ms of startup that runs where a
 * position or a syntax error is actually needed, not on every start).
 */
export function requireYaml(): YamlModule {
  if (cached === undefined) cached = createRequire(import.meta.url)('yaml') as YamlModule;
  return cached;
}
