/**
 * Response-body validators: one ajv 2020-12 instance per checker (OpenAPI formats, the
 * `discriminator` and writeOnly keywords), every OpenAPI file added whole under its URL so `$ref`s
 * resolve as written, and one compiled function per schema (`file#pointer`), compiled on first use
 * and kept. A file named by a `$ref` is loaded when ajv first misses it.
 */
import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { WRITE_ONLY_KEYWORD } from './convert-schema-document.js';
import { type DescriptionFile, type DescriptionFiles, uriOfId } from './create-description-files.js';
import { discriminatorKeyword } from './discriminator-keyword.js';

// ajv is CommonJS and loaded only when a body is first checked.
const require = createRequire(import.meta.url);

/** A compiled schema, or why it could not be compiled. */
export type SchemaValidator =
  | { readonly ok: true; readonly validate: ValidateFunction }
  | { readonly ok: false; readonly reason: string };

/** Validators by schema location. */
export interface SchemaValidators {
  /** The validator of the schema at `pointer` in `file` (compiled once). */
  get(file: DescriptionFile, pointer: string): Promise<SchemaValidator>;
}

/** ajv's errors for one validation (verbose: with `parentSchema` and `data`). */
export type SchemaErrors = readonly ErrorObject[];

/** Create the validator cache over `files`. */
export function createSchemaValidators(options: { readonly files: DescriptionFiles }): SchemaValidators {
  const { files } = options;
  let ajv: Ajv2020 | undefined;
  const added = new Set<string>();
  const compiled = new Map<string, Promise<SchemaValidator>>();
  const instance = (): Ajv2020 => {
    if (ajv !== undefined) return ajv;
    const { Ajv2020: Ajv } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    ajv = new Ajv({
      allErrors: true,
      strict: false,
      verbose: true,
      validateSchema: false,
      allowUnionTypes: true,
      logger: false,
    });
    (require('ajv-formats') as (instance: Ajv2020) => Ajv2020)(ajv);
    ajv.addKeyword({
      keyword: WRITE_ONLY_KEYWORD,
      schemaType: 'boolean',
      validate: (flag: boolean) => flag !== true,
      errors: false,
    });
    ajv.addKeyword(discriminatorKeyword());
    return ajv;
  };
  const add = (file: DescriptionFile): void => {
    if (added.has(file.id)) return;
    added.add(file.id);
    instance().addSchema(file.converted as object, file.id);
  };
  const compile = async (file: DescriptionFile, pointer: string): Promise<SchemaValidator> => {
    add(file);
    const fragment = pointer
      .split('/')
      .slice(1)
      .map((token) => `/${encodeURIComponent(token)}`)
      .join('');
    for (let tries = 0; tries < 64; tries++) {
      try {
        return { ok: true, validate: instance().compile({ $ref: `${file.id}#${fragment}` }) };
      } catch (error) {
        const missing = (error as { missingSchema?: unknown }).missingSchema;
        const next =
          typeof missing === 'string' ? await files.get(uriOfId(missing), file.dialect) : undefined;
        if (next === undefined || added.has(next.id))
          return { ok: false, reason: (error as Error).message.split('\n')[0] ?? String(error) };
        add(next);
      }
    }
    return { ok: false, reason: 'too many files named by $ref' };
  };
  return {
    get(file, pointer) {
      const key = `${file.id}#${pointer}`;
      let pending = compiled.get(key);
      if (pending === undefined) {
        pending = compile(file, pointer);
        compiled.set(key, pending);
      }
      return pending;
    },
  };
}
