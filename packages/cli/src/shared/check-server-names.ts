import { UsageError } from './usage-error.js';

/**
 * Checks that every `--server NAME=URL` names a source description of the loaded document(s):
 * `run`, `submit`, `test` and `mcp` share this one check so the rule and its message cannot drift.
 * `holders` says whose sources are listed in the message ("the document has", "the documents
 * have", "the served documents have"). A mistake is a UsageError (exit 2), not an ignored flag.
 */
export function checkServerNames(options: {
  readonly servers: Readonly<Record<string, string>>;
  readonly documents: readonly { readonly sourceDescriptions: readonly { readonly name: string }[] }[];
  readonly holders: string;
}): void {
  const sources = [...new Set(options.documents.flatMap((d) => d.sourceDescriptions.map((s) => s.name)))];
  for (const name of Object.keys(options.servers))
    if (!sources.includes(name))
      throw new UsageError(
        `--server ${name}: no such source description; ${options.holders}: ${sources.join(', ')}`,
      );
}
