/**
 * OpenAPI's `discriminator` as an ajv keyword. ajv's own support refuses `mapping` and needs
 * `oneOf`; this one takes the Discriminator Object as OpenAPI writes it: the value at
 * `propertyName` must be a string, and, when the allowed values are known (the `mapping` keys,
 * completed at conversion, and the schema names of `oneOf`/`anyOf` `$ref`s), one of them. The branch
 * a tag selects is validated by the rules convert-schema-document.ts puts in `allOf`.
 */
import type { ErrorObject, KeywordDefinition } from 'ajv/dist/2020.js';
import type { DataValidateFunction } from 'ajv/dist/types/index.js';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The keyword definition, to pass to `ajv.addKeyword`. */
export function discriminatorKeyword(): KeywordDefinition {
  return {
    keyword: 'discriminator',
    schemaType: 'object',
    errors: true,
    compile(schema: Obj, parentSchema: Obj) {
      const name = schema.propertyName;
      if (typeof name !== 'string') return () => true;
      const allowed = new Set<string>(isObj(schema.mapping) ? Object.keys(schema.mapping) : []);
      for (const branch of [parentSchema.oneOf, parentSchema.anyOf].flat()) {
        const ref = isObj(branch) ? branch.$ref : undefined;
        if (typeof ref === 'string') allowed.add(ref.slice(ref.lastIndexOf('/') + 1));
      }
      const validate: DataValidateFunction = (data: unknown) => {
        if (!isObj(data)) return true;
        const value = data[name];
        let message: string | undefined;
        if (typeof value !== 'string') message = `must have the discriminator property '${name}' (a string)`;
        else if (allowed.size > 0 && !allowed.has(value))
          message = `discriminator '${name}' must be one of ${[...allowed].join(', ')}`;
        if (message === undefined) return true;
        const error = { keyword: 'discriminator', message, params: { propertyName: name }, parentSchema };
        validate.errors = [error as Partial<ErrorObject> as ErrorObject];
        return false;
      };
      return validate;
    },
  };
}
