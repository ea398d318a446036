/**
 * Where the reference corpus lives: the `shared` folder beside the repository (`../shared` from
 * the repository root), or the folder that TELAIO_SHARED_DIR names. Plain node, no vitest: the
 * corpus reporter (main process) and the test helper (workers) both read it.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/support/ under it). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment variable that points the corpus helper at another folder (CI hides it this way). */
export const SHARED_DIR_ENV = 'TELAIO_SHARED_DIR';

/** The corpus folder, absolute. */
export function sharedCorpusRoot(): string {
  const override = process.env[SHARED_DIR_ENV];
  return override ? path.resolve(REPO_ROOT, override) : path.resolve(REPO_ROOT, '..', 'shared');
}

/** Whether the corpus folder exists (a directory); checked once per process. */
export function sharedCorpusAvailable(): boolean {
  try {
    return statSync(sharedCorpusRoot()).isDirectory();
  } catch {
    return false;
  }
}

/** The folder as people read it: `../shared` when it is the default, else the absolute path. */
export function sharedCorpusDisplay(): string {
  return process.env[SHARED_DIR_ENV] ? sharedCorpusRoot() : '../shared';
}
