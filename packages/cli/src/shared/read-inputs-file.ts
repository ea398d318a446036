import { readFile } from 'node:fs/promises';
import { describeFileError } from './check-readable-file.js';
import { importYaml } from './import-yaml.js';
import { UsageError } from './usage-error.js';

/** Reads an `--inputs FILE`: a JSON or YAML object of input values. Throws UsageError otherwise. */
export async function readInputsFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--inputs: ${describeFileError(path, error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { parse } = await importYaml();
    try {
      value = parse(text, { logLevel: 'error' });
    } catch (error) {
      throw new UsageError(`--inputs: ${describeYamlError(path, error)} (neither JSON nor YAML)`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--inputs: '${path}' must hold an object of input values`);
  }
  return value as Record<string, unknown>;
}

/**
 * `FILE:LINE:COL: first line of the parser's message`, without the code frame the YAML library
 * appends: that frame quotes the offending line, which in an inputs file may hold a password.
 */
export function describeYamlError(path: string, error: unknown): string {
  const e = error as { message?: unknown; linePos?: readonly { line: number; col: number }[] };
  const at = e.linePos?.[0];
  const first = (typeof e.message === 'string' ? e.message : 'cannot parse').split('\n')[0] ?? '';
  const reason = first.replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, '');
  return `${path}${at === undefined ? '' : `:${at.line}:${at.col}`}: ${reason}`;
}
