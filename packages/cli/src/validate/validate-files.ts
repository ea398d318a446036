import path from 'node:path';
import { type Diagnostic, lintDocument, resolveDocument, type SourceLoader } from '@telaio/core/lint';
import type { ReportedDiagnostic } from '../formatters/types.js';
import { checkReadableFile } from '../shared/check-readable-file.js';

const URL_LIKE = /^[a-z][a-z0-9+.-]+:\/\//i;

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
  options: { cache: boolean | { dir: string }; loader?: SourceLoader | undefined },
): Promise<ValidatedFile[]> {
  // The FILE arguments are provided together: a source url naming one's `$self` finds it (1.1 identity).
  const documents = files.map((file) => (URL_LIKE.test(file) ? file : path.resolve(file)));
  const results = await Promise.all(
    files.map(async (file) => {
      const input = URL_LIKE.test(file) ? file : path.resolve(file);
      let diagnostics: Diagnostic[];
      const unreadable = URL_LIKE.test(file) ? undefined : await checkReadableFile(file);
      try {
        diagnostics =
          unreadable === undefined
            ? lintDocument(
                await resolveDocument(input, {
                  cache: options.cache,
                  documents,
                  ...(options.loader === undefined ? {} : { loader: options.loader }),
                }),
              )
            : [fileError(input, unreadable)];
      } catch (error) {
        diagnostics = [
          fileError(input, `cannot validate: ${error instanceof Error ? error.message : String(error)}`),
        ];
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

/** A `file-unreadable` error at 1:1 of `file`. */
function fileError(file: string, message: string): Diagnostic {
  const at = { line: 1, column: 1, offset: 0 };
  return {
    file,
    code: 'file-unreadable',
    severity: 'error',
    message,
    range: { start: at, end: at },
    pointer: '',
  };
}
