/** The Arazzo 1.0.x JSON Schema and schema validation. */
export { arazzoSchema } from './arazzo-schema.js';
export { compileArazzoSchema, createAjv, toValidator, type SchemaValidator } from './compile-arazzo-schema.js';
export { validateSchema } from './validate-schema.js';
