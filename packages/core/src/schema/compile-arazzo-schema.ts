import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { arazzoSchema } from './arazzo-schema.js';

/** ajv-formats is CommonJS; its default export arrives wrapped under NodeNext. */
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020, formats?: string[]) => Ajv2020;

/** A compiled validator over plain JSON values. */
export interface SchemaValidator {
  /** Validate `value`; the errors (all of them) when it does not conform. */
  (value: unknown): readonly ErrorObject[];
}

/** Build an ajv 2020-12 instance configured the way telaio validates Arazzo (all errors, formats). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true, validateFormats: true, verbose: true });
  addFormats(ajv, ['uri-reference', 'uri', 'date-time', 'regex', 'email', 'uuid']);
  return ajv;
}

/** Wrap an ajv validate function as a SchemaValidator. */
export function toValidator(validate: ValidateFunction): SchemaValidator {
  return (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
}

let compiled: SchemaValidator | undefined;

/** The Arazzo schema validator, compiled on first use and kept for the process. */
export function compileArazzoSchema(): SchemaValidator {
  if (compiled === undefined) compiled = toValidator(createAjv().compile(arazzoSchema));
  return compiled;
}
