import validate from './generated/arazzo-validator.js';
import { type SchemaValidator, toValidator } from './to-validator.js';

export type { SchemaValidator } from './to-validator.js';

let compiled: SchemaValidator | undefined;

/**
 * The Arazzo schema validator. It was compiled ahead of time (generated/arazzo-validator.ts, from
 * arazzo-schema.ts), so this costs a module load, not an ajv compile.
 */
export function compileArazzoSchema(): SchemaValidator {
  if (compiled === undefined) compiled = toValidator(validate);
  return compiled;
}
