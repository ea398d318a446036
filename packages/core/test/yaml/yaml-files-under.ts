import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every YAML file under `root` (node_modules, dist, .git and bench peers left out), sorted: the
 * corpus the fast reader's differential tests (values and positions) run over.
 */
export function yamlFilesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'dist', '.git', '.peers'].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}
