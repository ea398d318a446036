import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { UsageError } from '../shared/usage-error.js';

const DOCUMENT_EXTENSIONS = /\.(ya?ml|json)$/i;
const GLOB_CHARS = /[*?[{]/;
/** An Arazzo document has a top-level `arazzo` field (YAML key or JSON member). */
const ARAZZO_FIELD = /^\s*["']?arazzo["']?\s*:|^\{?\s*"arazzo"\s*:/m;

/**
 * The Arazzo documents that `FILE|DIR|GLOB...` name, as absolute paths, sorted, each once. A FILE is
 * taken as it is (a bad one is reported when loaded); a DIR is searched recursively and a GLOB
 * (`*`, `**`, `?`, `[...]`, `{a,b}`) matched, keeping the .yaml/.yml/.json files that hold an
 * `arazzo` field (OpenAPI files next to them are left out); `node_modules` and dot folders are not
 * entered. A target that names nothing is a UsageError.
 */
export async function findTestFiles(targets: readonly string[], cwd = process.cwd()): Promise<string[]> {
  const found = new Set<string>();
  for (const target of targets) {
    const before = found.size;
    if (GLOB_CHARS.test(target)) {
      const { base, pattern } = splitGlob(resolve(cwd, target));
      for (const file of await walk(base)) if (pattern.test(file) && (await isArazzo(file))) found.add(file);
    } else {
      const path = resolve(cwd, target);
      const info = await stat(path).catch(() => undefined);
      if (info === undefined) throw new UsageError(`${target}: no such file or directory`);
      if (info.isDirectory()) {
        for (const file of await walk(path)) if (await isArazzo(file)) found.add(file);
      } else found.add(path);
    }
    if (found.size === before) throw new UsageError(`${target}: no Arazzo documents found`);
  }
  return [...found].sort();
}

/** The folder before the first glob character, and the whole pattern as a regular expression. */
function splitGlob(absolute: string): { base: string; pattern: RegExp } {
  const parts = absolute.split(sep);
  const first = parts.findIndex((part) => GLOB_CHARS.test(part));
  const base = parts.slice(0, first).join(sep) || sep;
  let source = '';
  const text = absolute;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '*' && text[i + 1] === '*') {
      source += text[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += text[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',' && source.includes('(?:')) source += '|';
    else if (c === '[') source += '[';
    else if (c === ']') source += ']';
    else source += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return { base, pattern: new RegExp(`^${source}$`) };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && DOCUMENT_EXTENSIONS.test(entry.name)) files.push(path);
  }
  return files;
}

async function isArazzo(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return ARAZZO_FIELD.test(text.slice(0, 64 * 1024));
}
