import type { Diagnostic, LintResultCache } from '@telaio/core';
import { fingerprintSettledFiles } from '../shared/fingerprint-settled-files.js';
import { writeJsonAtomically } from '../shared/write-json-atomically.js';
import type { RecordingLoader } from '../validate/create-recording-loader.js';
import { buildIdentity, fingerprintFile } from '../validate/result-cache-key.js';

// read synchronously: a small file, and four thread-pool round trips (open, fstat, read, close)
// the main thread only waited for
const { readFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

/** Bump when the entry's layout changes: old entries then miss. */
const ENTRY_FORMAT = 'telaio-run-lint-1';

/** A stored lint result: the build that linted, every file the load read with its fingerprint, the findings. */
interface LintEntry {
  readonly format: typeof ENTRY_FORMAT;
  readonly build: string;
  readonly files: Readonly<Record<string, string>>;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * core's LintResultCache for `telaio run` and `telaio test`: one JSON file per key in `dir`, holding
 * the findings with the fingerprint (size, times, inode) of every file the engine's loader
 * (`recording`) read, and the CLI's build. A read answers only when nothing was fetched over the
 * network, the build is this one, every stored file still has its fingerprint and the load read no
 * file the entry does not name; a write is skipped after a network fetch or when a file changed less
 * than two seconds before `startedAt` (fingerprintSettledFiles). Unreadable or malformed entries
 * miss; failures to write are ignored.
 */
export function createLintResultCache(options: {
  readonly dir: string;
  readonly recording: RecordingLoader;
  readonly startedAt: number;
}): LintResultCache {
  const { dir, recording } = options;
  let build: string | undefined;
  const thisBuild = () => {
    build ??= buildIdentity();
    return build;
  };
  return {
    async read({ key }) {
      if (recording.remote()) return undefined;
      let entry: LintEntry;
      try {
        entry = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as LintEntry;
      } catch {
        return undefined;
      }
      if (
        entry?.format !== ENTRY_FORMAT ||
        entry.build !== thisBuild() ||
        typeof entry.files !== 'object' ||
        entry.files === null ||
        !Array.isArray(entry.diagnostics) ||
        !entry.diagnostics.every(isDiagnostic)
      )
        return undefined;
      for (const path of recording.files) if (!Object.hasOwn(entry.files, path)) return undefined;
      for (const [path, print] of Object.entries(entry.files))
        if (fingerprintFile(path) !== print) return undefined;
      return entry.diagnostics;
    },
    async write({ key, diagnostics }) {
      if (recording.remote()) return;
      const files = fingerprintSettledFiles(recording.files, options.startedAt);
      if (files === undefined) return;
      const entry: LintEntry = { format: ENTRY_FORMAT, build: thisBuild(), files, diagnostics };
      await writeJsonAtomically(dir, key, entry);
    },
  };
}

/** Enough of a Diagnostic's shape to be printed and counted (a hand-edited entry must not crash a run). */
function isDiagnostic(value: unknown): value is Diagnostic {
  const d = value as Partial<Diagnostic> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.file === 'string' &&
    typeof d.code === 'string' &&
    (d.severity === 'error' || d.severity === 'warning' || d.severity === 'info') &&
    typeof d.message === 'string' &&
    typeof d.pointer === 'string' &&
    typeof d.range?.start?.line === 'number' &&
    typeof d.range.start.column === 'number' &&
    typeof d.range.end?.line === 'number' &&
    typeof d.range.end.column === 'number'
  );
}
