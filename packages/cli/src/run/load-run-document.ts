import type { Diagnostic } from '@telaio/core';
import type { Colors } from '../shared/colors-for.js';
import { UsageError } from '../shared/usage-error.js';
import type { CliEngine, LoadedDocument } from './engine-api.js';
import { formatDocumentErrors } from './format-document-errors.js';

/**
 * Loads, resolves and lints FILE through the engine. A document with errors (or one that cannot be
 * read) is a UsageError (exit 2) whose detail lists the diagnostics as `telaio validate` does.
 */
export async function loadRunDocument(engine: CliEngine, path: string, colors: Colors): Promise<LoadedDocument> {
  try {
    return await engine.load(path);
  } catch (error) {
    const e = error as { code?: string; message?: string; details?: { diagnostics?: readonly Diagnostic[] } };
    const diagnostics = e.details?.diagnostics;
    if (Array.isArray(diagnostics) && diagnostics.length > 0) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      throw new UsageError(`${path}: the document is not valid, nothing was run`, formatDocumentErrors(errors.length > 0 ? errors : diagnostics, { colors }));
    }
    if (typeof e.code === 'string') throw new UsageError(`${path}: ${e.message ?? e.code} (${e.code})`);
    throw error;
  }
}
