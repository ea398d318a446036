/**
 * The one way tests read the reference corpus (`../shared` beside the repository: the Arazzo
 * specifications, the OAI examples, the Stytch workflows and OpenAPI files). When the folder is
 * absent (a clone with nothing beside it, or TELAIO_SHARED_DIR pointing elsewhere), the tests
 * declared through this module are skipped, never failed, and the corpus reporter prints one line
 * naming the folder and how many were skipped.
 *
 * Declare corpus tests with `describeCorpus` / `itCorpus`, and read paths with `corpusPath` and
 * `corpusFiles` (which never touch the disk when the corpus is absent, so module-level use is safe).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { getCurrentSuite } from 'vitest/suite';
import { sharedCorpusAvailable, sharedCorpusRoot } from './shared-corpus-location.js';

declare module 'vitest' {
  interface TaskMeta {
    /** Set on suites and tests that read the reference corpus (counted by the corpus reporter). */
    sharedCorpus?: boolean;
  }
}

/** Whether the reference corpus is present. */
export const corpusAvailable: boolean = sharedCorpusAvailable();

/** The absolute path of `segments` inside the corpus (`corpusPath('stytch', 'arazzo')`). */
export function corpusPath(...segments: string[]): string {
  return path.join(sharedCorpusRoot(), ...segments);
}

/**
 * The files of the corpus folder `dir` whose names match `pattern`, absolute and sorted. When the
 * corpus is absent: one placeholder path, so that an `it.each` over them declares one (skipped) test.
 */
export function corpusFiles(dir: string, pattern: RegExp = /\.ya?ml$/): string[] {
  if (!corpusAvailable) return [corpusPath(dir, '(corpus absent)')];
  return readdirSync(corpusPath(dir))
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => corpusPath(dir, f));
}

/** Marks the task that was just declared in the current suite as a corpus task. */
function markLastDeclared(): void {
  const last = getCurrentSuite().tasks.at(-1);
  if (!last) return;
  const task = last.type === 'collector' ? last.suite : last;
  if (task) task.meta.sharedCorpus = true;
}

/** `describe` for a suite that reads the corpus: skipped (hooks included) when it is absent. */
export function describeCorpus(name: string, factory: () => void): void {
  describe.skipIf(!corpusAvailable)(name, factory);
  markLastDeclared();
}

/** `it` for one test that reads the corpus: skipped when it is absent. */
export function itCorpus(name: string, fn: () => unknown, timeout?: number): void {
  it.skipIf(!corpusAvailable)(name, fn, timeout);
  markLastDeclared();
}
