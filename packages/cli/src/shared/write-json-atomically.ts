const { mkdirSync, renameSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

/**
 * Writes `value` as JSON to DIR/NAME.json through a temporary file and a rename, so a reader never
 * sees half an entry; creates DIR. Failures are ignored: the CLI's caches are only a speed-up.
 * Synchronously (a promise all the same): a small file, and through the thread pool each of mkdir,
 * open, write, close and rename was a round trip the process waited for before it could exit.
 */
export async function writeJsonAtomically(dir: string, name: string, value: unknown): Promise<void> {
  try {
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `${name}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, target);
  } catch {
    // The cache is only a speed-up.
  }
}
