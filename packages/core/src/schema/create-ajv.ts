import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { CHECKED_FORMATS } from './compile-schema-check.js';

/** ajv-formats is CommonJS; its default export arrives wrapped under NodeNext. */
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020, formats?: string[]) => Ajv2020;

/**
 * Build an ajv 2020-12 instance configured the way telaio validates Arazzo (all errors, verbose, the
 * formats the schema uses). Used by tests and by the generator of the precompiled validator; the run
 * path uses the precompiled one and never compiles a schema.
 */
export function createAjv(options: { standalone?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    allowUnionTypes: true,
    verbose: true,
    ...(options.standalone ? { code: { source: true } } : {}),
  });
  // The same formats the quick check validates (compile-schema-check.ts): one list for both.
  addFormats(ajv, Object.keys(CHECKED_FORMATS));
  return ajv;
}
