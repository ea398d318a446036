import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '@telaio/core';
import type { Colors } from '../shared/colors-for.js';

/**
 * Diagnostics of a document that cannot run, one per line as `telaio validate` shows them
 * (`file:line:col  severity  code  message`, 1-based, paths relative to the working directory),
 * then a count. Pure.
 */
export function formatDocumentErrors(diagnostics: readonly Diagnostic[], options: { readonly colors: Colors; readonly cwd?: string }): string {
  const c = options.colors;
  const cwd = options.cwd ?? process.cwd();
  const lines = diagnostics.map((d) => {
    const where = `${display(d.file, cwd)}:${d.range.start.line}:${d.range.start.column}`;
    const severity = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
    return `${where}  ${severity}  ${c.dim(d.code)}  ${d.message}`;
  });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  lines.push('', `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

function display(file: string, cwd: string): string {
  const path = file.startsWith('file:') ? fileURLToPath(file) : file;
  if (/^[a-z]+:\/\//i.test(path)) return path;
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}
