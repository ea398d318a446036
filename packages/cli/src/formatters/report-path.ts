import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath } from './display-path.js';

const URL_LIKE = /^[a-z][a-z0-9+.-]+:\/\//i;

/**
 * How stylish, json and junit name a file: the FILE argument exactly as typed on the command line
 * (relative stays relative, absolute stays absolute, a URL stays that URL); another file reached
 * from it (a nested Arazzo source) in the argument's form: absolute when the argument was absolute
 * or a URL, else relative to `cwd`. Without `given` (a formatter called directly), relative to `cwd`.
 */
export function reportPath(
  file: string,
  options: { readonly input: string; readonly given?: string; readonly cwd: string },
): string {
  const { input, given, cwd } = options;
  if (given === undefined) return displayPath(file, cwd);
  if (sameFile(file, input)) return given;
  if (URL_LIKE.test(given) || path.isAbsolute(given))
    return /^file:/i.test(file) ? fileURLToPath(file) : file;
  return displayPath(file, cwd);
}

/** True when `file` (a diagnostic's file: a path or the normalised URL) is `input` (a FILE argument, resolved). */
function sameFile(file: string, input: string): boolean {
  if (file === input) return true;
  try {
    if (/^file:/i.test(input)) return file === fileURLToPath(input);
    if (/^https?:/i.test(input)) return file === new URL(input).href;
  } catch {
    return false;
  }
  return false;
}
