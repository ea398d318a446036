import type { Diagnostic } from '@telaio/core';
import { displayPath } from '../formatters/display-path.js';
import { formatStylish } from '../formatters/format-stylish.js';
import { UsageError } from '../shared/usage-error.js';
import type { CliEngine, LoadedDocument } from './engine-api.js';

/**
 * Loads, resolves and lints FILE through the engine. A document with errors (or one that cannot be
 * read) is a UsageError (exit 2) whose detail lists the diagnostics with `telaio validate`'s own
 * stylish formatter (errors only: warnings do not stop a run).
 */
export async function loadRunDocument(
  engine: CliEngine,
  path: string,
  color: boolean,
): Promise<LoadedDocument> {
  try {
    return await engine.load(path);
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: { diagnostics?: readonly Diagnostic[] } };
    const diagnostics = e.details?.diagnostics;
    if (Array.isArray(diagnostics) && diagnostics.length > 0) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      const shown = (errors.length > 0 ? errors : diagnostics).map((d) => ({ ...d, input: path }));
      const detail = formatStylish(shown, { files: [path], cwd: process.cwd(), color });
      throw new UsageError(
        `${displayPath(path, process.cwd())}: the document is not valid, nothing was run`,
        detail,
      );
    }
    if (typeof e.code === 'string')
      throw new UsageError(`${displayPath(path, process.cwd())}: ${e.message ?? e.code} (${e.code})`);
    throw error;
  }
}
