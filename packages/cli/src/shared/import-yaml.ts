/** The `yaml` library's module. */
export type YamlModule = typeof import('yaml');

/**
 * `import('yaml')`, the same unbundled and in the split bundle: there a dynamic import of a
 * CommonJS library yields a chunk whose only export is `default` (its `module.exports`), so the
 * named exports are read from `default` when the namespace lacks them.
 */
export async function importYaml(): Promise<YamlModule> {
  const loaded = (await import('yaml')) as YamlModule & { default?: YamlModule };
  return typeof loaded.parse === 'function' ? loaded : (loaded.default as YamlModule);
}
