import { fstatSync, writeSync } from 'node:fs';

/**
 * Whether file descriptor 1 may be a terminal: only a character device can be (a pipe or a regular
 * file never is). Asking `process.stdout.isTTY` instead builds process.stdout, which for a pipe is a
 * net.Socket: Node then loads net, tty and its stream modules (~45M instructions of a cold start).
 */
export function stdoutMayBeTerminal(): boolean {
  try {
    return fstatSync(1).isCharacterDevice();
  } catch {
    return true;
  }
}

/**
 * Write `text` to stdout and resolve once it is written. To a pipe or a file it goes by write(2) on
 * file descriptor 1 (process.stdout, and the modules behind it, never built); to a terminal (or
 * /dev/null), or when a write fails (a non-blocking pipe that is full, a closed reader), the rest goes
 * through process.stdout as before, so its behaviour on such failures is unchanged.
 */
export async function writeStdout(text: string): Promise<void> {
  let rest: string | Uint8Array = text;
  if (!stdoutMayBeTerminal()) {
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(1, bytes, written);
      return;
    } catch {
      rest = bytes.subarray(written);
    }
  }
  await new Promise<void>((resolve) => process.stdout.write(rest, () => resolve()));
}
