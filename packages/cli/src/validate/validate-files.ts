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
 * results in argument order; a finding inside a nested Arazzo source is reported once (withoutRepeats). A file that cannot be read, or a lint that fails, is an error
 * diagnostic of that file, never a rejection.
 */
export async function validateFiles(
  files: readonly string[],
  options: { cache: boolean | { dir: string } },
): Promise<ValidatedFile[]> {
  const results = await Promise.all(
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
  return withoutRepeats(results);
}

/**
 * Each finding in a nested Arazzo source reported once: under that file's own FILE argument when it
 * is one, else under the first FILE argument that reaches it (several may name the same source).
 */
function withoutRepeats(results: readonly ValidatedFile[]): ValidatedFile[] {
  const key = (d: Diagnostic) => `${d.file}\u0000${d.code}\u0000${d.range.start.offset}\u0000${d.message}`;
  const seen = new Set<string>();
  for (const r of results) for (const d of r.diagnostics) if (d.file === r.input) seen.add(key(d));
  return results.map((r) => {
    const diagnostics = r.diagnostics.filter((d) => {
      if (d.file === r.input) return true;
      if (seen.has(key(d))) return false;
      seen.add(key(d));
      return true;
    });
    return diagnostics.length === r.diagnostics.length ? r : { ...r, diagnostics };
  });
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
