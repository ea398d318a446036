/**
 * A vitest reporter that adds one line when the reference corpus is absent: the folder it looked
 * for and how many corpus tests were skipped (tests declared through test/support/shared-corpus.ts).
 * The default reporter still prints everything else, its summary line included.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { sharedCorpusAvailable, sharedCorpusDisplay } from './shared-corpus-location.js';

type Entity = ReturnType<TestModule['children']['array']>[number];

/** Counts the skipped tests under `entity` that are, or sit in a suite that is, marked as corpus tests. */
function countSkipped(entity: Entity, inCorpus: boolean): number {
  const marked = inCorpus || entity.meta().sharedCorpus === true;
  if (entity.type === 'test') return marked && entity.result().state === 'skipped' ? 1 : 0;
  let count = 0;
  for (const child of entity.children) count += countSkipped(child, marked);
  return count;
}

/** The reporter (listed in vitest.config.ts after `default`). */
export default class CorpusReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    if (sharedCorpusAvailable()) return;
    let skipped = 0;
    for (const module of modules) for (const child of module.children) skipped += countSkipped(child, false);
    process.stdout.write(
      `\n reference corpus ${sharedCorpusDisplay()} not found: ${skipped} ${skipped === 1 ? 'test' : 'tests'} that read it skipped\n`,
    );
  }
}
