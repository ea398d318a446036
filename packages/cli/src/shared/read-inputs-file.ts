import { readFile } from 'node:fs/promises';
import { UsageError } from './usage-error.js';

/** Reads an `--inputs FILE`: a JSON or YAML object of input values. Throws UsageError otherwise. */
export async function readInputsFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--inputs: cannot read '${path}': ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { parse } = await import('yaml');
    try {
      value = parse(text);
    } catch (error) {
      throw new UsageError(`--inputs: '${path}' is neither JSON nor YAML: ${(error as Error).message}`);
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--inputs: '${path}' must hold an object of input values`);
  }
  return value as Record<string, unknown>;
}
