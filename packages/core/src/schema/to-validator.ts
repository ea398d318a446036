import type { ErrorObject } from 'ajv';

/** A validator over plain JSON values: the errors (all of them, verbose) when the value does not conform. */
export type SchemaValidator = (value: unknown) => readonly ErrorObject[];

/** Wrap an ajv validate function (compiled or precompiled) as a SchemaValidator. */
export function toValidator(validate: (value: unknown) => boolean): SchemaValidator {
  return (value) => {
    if (validate(value)) return [];
    return [...((validate as { errors?: ErrorObject[] | null }).errors ?? [])];
  };
}
