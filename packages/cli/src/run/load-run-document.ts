import type { Diagnostic } from '@telaio/core';
import { displayPath } from '../formatters/display-path.js';
import { formatStylish } from '../formatters/format-stylish.js';
import { UsageError } from '../shared/usage-error.js';
import type { CliEngine, LoadedDocument } from './engine-api.js';

/** Diagnostics as `telaio validate` prints them (stylish), each tagged with FILE. */
function stylish(diagnostics: readonly Diagnostic[], path: string, color: boolean): string {
  return formatStylish(
    diagnostics.map((d) => ({ ...d, input: path })),
    { files: [path], cwd: process.cwd(), color },
  );
}

/**
 * Loads, resolves and lints FILE through the engine for one workflow (`workflowId`, or the only
 * one): only errors in what that workflow reaches refuse it, as a UsageError (exit 2) whose detail
 * lists them with `telaio validate`'s stylish formatter. Errors elsewhere in the document are written
 * to `write` with a line saying they do not affect this workflow.
 */
export async function loadRunDocument(options: {
  readonly engine: CliEngine;
  readonly path: string;
  readonly workflowId: string | undefined;
  /** Load for every workflow (telaio test): any error refuses the document. */
  readonly whole?: boolean;
  readonly color: boolean;
  readonly write: (text: string) => void;
}): Promise<LoadedDocument> {
  const { engine, path, color } = options;
  const shown = displayPath(path, process.cwd());
  let loaded: LoadedDocument;
  try {
    loaded =
      options.whole === true
        ? await engine.load(path)
        : await engine.load(path, options.workflowId === undefined ? {} : { workflowId: options.workflowId });
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: { diagnostics?: readonly Diagnostic[] } };
    const diagnostics = e.details?.diagnostics;
    if (Array.isArray(diagnostics) && diagnostics.length > 0) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const detail = stylish(errors.length > 0 ? errors : diagnostics, path, color);
      throw new UsageError(`${shown}: the document is not valid, nothing was run`, detail);
    }
    if (typeof e.code === 'string') throw new UsageError(`${shown}: ${e.message ?? e.code} (${e.code})`);
    throw error;
  }
  const outside = loaded.unaffected ?? [];
  if (outside.length > 0 && loaded.selectedWorkflowId !== undefined) {
    const count = `${outside.length} error${outside.length === 1 ? '' : 's'}`;
    options.write(
      `${stylish(outside, path, color).replace(/\n+$/, '')}\n` +
        `${count} elsewhere in ${shown} ${outside.length === 1 ? 'does' : 'do'} not affect workflow ` +
        `'${loaded.selectedWorkflowId}'; running it.\n`,
    );
  }
  return loaded;
}
