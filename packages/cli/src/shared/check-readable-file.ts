import { accessSync, constants, statSync } from 'node:fs';
import { displayPath } from '../formatters/display-path.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * The one wording every command uses for a file it cannot read: `cannot read PATH: REASON`, PATH
 * relative to the working directory (absolute when outside it), REASON from the error's code
 * (`no such file`, `it is a directory`, `permission denied`, ...), never Node's raw message.
 */
export function describeFileError(file: string, error: unknown, cwd: string = process.cwd()): string {
  const code = (error as { code?: unknown }).code;
  const reason =
    typeof code === 'string' && code in REASONS
      ? REASONS[code]
      : typeof code === 'string'
        ? `${code.toLowerCase()}`
        : String((error as Error).message ?? error);
  return `cannot read ${displayPath(file, cwd)}: ${reason}`;
}

/**
 * Undefined when `file` is a regular file this process may read, else the message describeFileError
 * gives; a directory, a device, a FIFO or a socket is refused without opening it (nothing can block).
 * Synchronous stat and access (a promise all the same): through the thread pool each was a round
 * trip the main thread sat idle for, 48 of them for the 24 Stytch workflows.
 */
export async function checkReadableFile(
  file: string,
  cwd: string = process.cwd(),
): Promise<string | undefined> {
  try {
    const info = statSync(file);
    if (info.isDirectory()) return describeFileError(file, { code: 'EISDIR' }, cwd);
    if (!info.isFile()) return `cannot read ${displayPath(file, cwd)}: not a regular file`;
    accessSync(file, constants.R_OK);
    return undefined;
  } catch (error) {
    return describeFileError(file, error, cwd);
  }
}
