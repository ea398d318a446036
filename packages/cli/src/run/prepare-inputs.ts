import type { DeclaredInputsView } from '@telaio/core';
import { readInputsFile } from '../shared/read-inputs-file.js';
import type { RunOptions } from './to-run-options.js';

/** True when the input's schema type asks for a string and does not also accept `value` as it is. */
function wantsString(type: unknown, value: unknown): boolean {
  if (typeof value === 'string') return false;
  if (type === 'string') return true;
  if (!Array.isArray(type) || !type.includes('string')) return false;
  const actual =
    typeof value === 'number' && Number.isInteger(value) ? ['integer', 'number'] : [typeof value];
  return !actual.some((t) => type.includes(t));
}

/**
 * The inputs a run starts with: `--inputs FILE` overlaid by each `--input`. Where an input's schema
 * asks for a string, a `--input` whose text parsed as JSON keeps the text as typed (`code=123456`
 * stays the string "123456"), and a number or boolean from `--inputs` becomes its text (`id: 7` is
 * "7"), so both ways of giving inputs agree.
 */
export async function prepareInputs(
  run: Pick<RunOptions, 'inputs' | 'rawInputs' | 'inputsFile'>,
  schema: DeclaredInputsView,
): Promise<Record<string, unknown>> {
  const inputs: Record<string, unknown> =
    run.inputsFile === undefined ? {} : await readInputsFile(run.inputsFile);
  for (const [name, value] of Object.entries(inputs)) {
    if (
      (typeof value === 'number' || typeof value === 'boolean') &&
      wantsString(schema.properties[name]?.type, value)
    )
      inputs[name] = String(value);
  }
  for (const [name, value] of Object.entries(run.inputs)) {
    const type = schema.properties[name]?.type;
    inputs[name] = wantsString(type, value) ? run.rawInputs[name] : value;
  }
  return inputs;
}
