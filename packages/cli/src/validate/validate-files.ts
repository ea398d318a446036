import path from 'node:path';
import { type Diagnostic, lintDocument, resolveDocument } from '@telaio/core/lint';
import type { ReportedDiagnostic } from '../formatters/types.js';

/** One FILE argument and what validating it found. */
export interface ValidatedFile {
  /** Absolute path (or the URL as given). */
  readonly input: string;
  /** The FILE argument as typed. */
  readonly given: string;
  /** What validating it found, each tagged with `input` and `given`. */
  readonly diagnostics: readonly ReportedDiagnostic[];
}

/**
 * Resolve and lint every file at once (sources shared through core's per-process cache), returning
 * results in argument order. A file that cannot be read, or a lint that fails, is an error
 * diagnostic of that file, never a rejection.
 */
export async function validateFiles(
  files: readonly string[],
  options: { cache: boolean | { dir: string } },
): Promise<ValidatedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const input = /^[a-z][a-z0-9+.-]+:\/\//i.test(file) ? file : path.resolve(file);
      let diagnostics: Diagnostic[];
      try {
        diagnostics = lintDocument(await resolveDocument(input, { cache: options.cache }));
      } catch (error) {
        diagnostics = [internalError(input, error)];
      }
      return { input, given: file, diagnostics: diagnostics.map((d) => ({ ...d, input, given: file })) };
    }),
  );
}

function internalError(file: string, error: unknown): Diagnostic {
  const at = { line: 1, column: 1, offset: 0 };
  const message = `cannot validate: ${error instanceof Error ? error.message : String(error)}`;
  return {
    file,
    code: 'file-unreadable',
    severity: 'error',
    message,
    range: { start: at, end: at },
    pointer: '',
  };
}
