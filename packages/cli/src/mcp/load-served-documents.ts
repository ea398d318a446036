import { resolve } from 'node:path';
import { formatStylish } from '../formatters/format-stylish.js';
import type { CliEngine, LoadedDocument } from '../run/engine-api.js';
import { loadRunDocument } from '../run/load-run-document.js';

/**
 * Loads and checks every FILE once, through the engine. An invalid or unreadable one is reported
 * on stderr (`write`) with its errors and left out; each served document's warnings are printed
 * once. Returns the documents that can be served, in the order given.
 */
export async function loadServedDocuments(options: {
  readonly engine: CliEngine;
  readonly files: readonly string[];
  readonly color: boolean;
  readonly write: (text: string) => void;
}): Promise<LoadedDocument[]> {
  const { engine, files, write } = options;
  const settled = await Promise.allSettled(
    files.map((file) =>
      loadRunDocument({
        engine,
        path: resolve(file),
        workflowId: undefined,
        whole: true,
        color: options.color,
        write: () => {},
      }),
    ),
  );
  const served: LoadedDocument[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'rejected') {
      const e = outcome.reason as { message?: string; detail?: string };
      write(`telaio mcp: not served: ${e.message ?? String(outcome.reason)}\n${e.detail ?? ''}`);
      continue;
    }
    const warnings = outcome.value.diagnostics.filter((d) => d.severity === 'warning');
    if (warnings.length > 0)
      write(
        formatStylish(
          warnings.map((d) => ({ ...d, input: outcome.value.uri })),
          { files: [outcome.value.uri], cwd: process.cwd(), color: options.color },
        ),
      );
    served.push(outcome.value);
  }
  return served;
}
