import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../shared/usage-error.js';

/**
 * Checks, before anything is sent, that each report file (`--output`, `--har`, `--report`) can be written: not
 * a directory, and either writable already or in an existing, writable directory. Throws a
 * UsageError naming the flag (exit 2), so a run never happens only to lose its report.
 */
export async function checkOutputTargets(targets: {
  readonly output?: string | undefined;
  readonly har?: string | undefined;
  readonly report?: { readonly file: string } | undefined;
}): Promise<void> {
  if (targets.output !== undefined) await checkWritableFile('--output', targets.output);
  if (targets.har !== undefined) await checkWritableFile('--har', targets.har);
  if (targets.report !== undefined) await checkWritableFile('--report', targets.report.file);
}

async function checkWritableFile(flag: string, path: string): Promise<void> {
  const absolute = resolve(path);
  const existing = await stat(absolute).catch(() => undefined);
  if (existing?.isDirectory() === true)
    throw new UsageError(`${flag}: '${path}' is a directory; give a file name`);
  if (existing !== undefined) {
    if (!(await allowed(absolute, constants.W_OK)))
      throw new UsageError(`${flag}: '${path}' is not writable`);
    return;
  }
  const parent = dirname(absolute);
  const dir = await stat(parent).catch(() => undefined);
  if (dir === undefined) throw new UsageError(`${flag}: cannot write '${path}': no directory '${parent}'`);
  if (!dir.isDirectory())
    throw new UsageError(`${flag}: cannot write '${path}': '${parent}' is not a directory`);
  if (!(await allowed(parent, constants.W_OK | constants.X_OK)))
    throw new UsageError(`${flag}: cannot write '${path}': directory '${parent}' is not writable`);
}

async function allowed(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}
