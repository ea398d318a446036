const { mkdir, rename, writeFile } = process.getBuiltinModule('node:fs/promises');
const { join } = process.getBuiltinModule('node:path');

/**
 * Writes `value` as JSON to DIR/NAME.json through a temporary file and a rename, so a reader never
 * sees half an entry; creates DIR. Failures are ignored: the CLI's caches are only a speed-up.
 */
export async function writeJsonAtomically(dir: string, name: string, value: unknown): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const target = join(dir, `${name}.json`);
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(value));
    await rename(temp, target);
  } catch {
    // The cache is only a speed-up.
  }
}
