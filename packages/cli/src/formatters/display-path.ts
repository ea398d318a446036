import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * How a file is named in reports: relative to `cwd` with forward slashes (what editors, CI
 * annotations and SARIF's artifactLocation.uri expect); URLs other than file: stay as they are.
 */
export function displayPath(file: string, cwd: string): string {
  let local = file;
  if (/^file:/i.test(file)) local = fileURLToPath(file);
  else if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file)) return file;
  if (!path.isAbsolute(local)) return local.split(path.sep).join('/');
  const relative = path.relative(cwd, local);
  return (relative === '' ? path.basename(local) : relative).split(path.sep).join('/');
}
