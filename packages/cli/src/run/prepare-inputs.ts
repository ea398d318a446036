import type { InputSchemaView } from '../shared/read-input-schema.js';
import { readInputsFile } from '../shared/read-inputs-file.js';
import type { RunOptions } from './parse-run-args.js';

/**
 * The inputs a run starts with: `--inputs FILE` overlaid by each `--input`. A `--input` whose text
 * parsed as JSON but whose schema asks for a string keeps the text as typed (`code=123456` stays
 * the string "123456").
 */
export async function prepareInputs(
  run: RunOptions,
  schema: InputSchemaView,
): Promise<Record<string, unknown>> {
  const inputs: Record<string, unknown> =
    run.inputsFile === undefined ? {} : await readInputsFile(run.inputsFile);
  for (const [name, value] of Object.entries(run.inputs)) {
    const type = schema.properties[name]?.type;
    const wantsString =
      type === 'string' ||
      (Array.isArray(type) &&
        type.includes('string') &&
        typeof value !== 'string' &&
        !type.includes(typeof value));
    inputs[name] = wantsString && typeof value !== 'string' ? run.rawInputs[name] : value;
  }
  return inputs;
}
