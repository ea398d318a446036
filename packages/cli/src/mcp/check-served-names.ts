import type { LoadedDocument } from '../run/engine-api.js';
import { checkServerNames } from '../shared/check-server-names.js';
import { UsageError } from '../shared/usage-error.js';

/**
 * Checks, before serving, that every `--server SOURCE` names a source description of some served
 * document and every `--reveal-output ID.OUTPUT` an output some served workflow declares (ID a
 * workflowId); a mistake is a UsageError (exit 2), not a silently ignored flag.
 */
export function checkServedNames(options: {
  readonly documents: readonly LoadedDocument[];
  readonly servers: Readonly<Record<string, string>>;
  readonly revealOutputs: readonly { readonly id: string; readonly output: string }[];
}): void {
  checkServerNames({
    servers: options.servers,
    documents: options.documents.map((d) => d.document),
    holders: 'the served documents have',
  });
  const workflows = options.documents.flatMap((d) => d.document.workflows);
  for (const { id, output } of options.revealOutputs) {
    const matching = workflows.filter((w) => w.workflowId === id);
    if (matching.length === 0)
      throw new UsageError(`--reveal-output ${id}.${output}: no served workflow is called ${id}`);
    if (!matching.some((w) => w.outputs !== undefined && output in w.outputs))
      throw new UsageError(
        `--reveal-output ${id}.${output}: workflow ${id} has no output ${output} (it has: ${[...new Set(matching.flatMap((w) => Object.keys(w.outputs ?? {})))].join(', ') || 'none'})`,
      );
  }
}
