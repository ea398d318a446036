/** The Arazzo 1.0.x JSON Schema and schema validation (ajv itself is never loaded on the run path). */
export { arazzoSchema } from './arazzo-schema.js';
export { compileArazzoSchema } from './compile-arazzo-schema.js';
export { type SchemaValidator, toValidator } from './to-validator.js';
export { validateSchema } from './validate-schema.js';
