import { UsageError } from '../shared/usage-error.js';
import type { LoadedDocument } from './engine-api.js';

/**
 * The workflow to run: `--workflow ID` when given (it must exist), else the only one. Throws
 * UsageError listing the workflows when the choice is missing or wrong.
 */
export function selectWorkflow(loaded: LoadedDocument, requested: string | undefined): string {
  const ids = loaded.workflows.map((w) => w.workflowId);
  const list = ids.map((id) => `  ${id}`).join('\n');
  if (requested !== undefined) {
    if (ids.includes(requested)) return requested;
    throw new UsageError(`--workflow ${requested}: no such workflow; the document has:\n${list}`);
  }
  if (ids.length === 1) return ids[0] as string;
  throw new UsageError(`the document has ${ids.length} workflows; choose one with --workflow ID:\n${list}`);
}
