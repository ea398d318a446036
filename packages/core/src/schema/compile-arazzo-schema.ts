import { createRequire } from 'node:module';
import { arazzo11Schema } from './arazzo-1-1-schema.js';
import { arazzoSchema } from './arazzo-schema.js';
import { compileSchemaCheck, type SchemaCheck } from './compile-schema-check.js';
import { JSON_SCHEMA_2020_12_META } from './json-schema-2020-12-meta.js';
import { type SchemaValidator, toValidator } from './to-validator.js';

export type { SchemaValidator } from './to-validator.js';

/** The `major.minor` feature sets telaio reads (Arazzo §Versions: the patch is not considered). */
export type ArazzoFeatureSet = '1.0' | '1.1';

/**
 * Each supported feature set: its schema (checked quickly in-process) and the name its precompiled
 * ajv validator is exported under (generated/arazzo-validator.cjs). Adding a version is adding a row.
 */
const FEATURE_SETS: { readonly [V in ArazzoFeatureSet]: { schema: object; exact: string } } = {
  '1.0': { schema: arazzoSchema, exact: 'validateArazzo10' },
  '1.1': { schema: arazzo11Schema, exact: 'validateArazzo11' },
};

const compiled = new Map<ArazzoFeatureSet, SchemaValidator>();

/** The supported feature sets, oldest first (for messages). */
export const SUPPORTED_FEATURE_SETS = Object.keys(FEATURE_SETS) as readonly ArazzoFeatureSet[];

/**
 * The feature set an `arazzo` field names, patch and pre-release ignored (`1.1.0`, `1.1.7`,
 * `1.0.0-rc1`), or undefined when it is not a `major.minor.patch` string of a supported one.
 */
export function featureSetOf(arazzo: unknown): ArazzoFeatureSet | undefined {
  if (typeof arazzo !== 'string') return undefined;
  const match = /^(\d+\.\d+)\.\d+(?:-.+)?$/.exec(arazzo);
  const set = match?.[1];
  return set !== undefined && Object.hasOwn(FEATURE_SETS, set) ? (set as ArazzoFeatureSet) : undefined;
}

let exactValidators: { readonly [name: string]: (value: unknown) => boolean } | undefined;

/**
 * The precompiled ajv validator of a feature set, loaded on first use: generated/arazzo-validator.cjs
 * (~360 KB of code ajv generated ahead of time from arazzo-schema.ts and arazzo-1-1-schema.ts) at the
 * package root, one folder up from both src/ and dist/, so the same relative require works from either.
 */
export function exactArazzoValidator(featureSet: ArazzoFeatureSet): (value: unknown) => boolean {
  exactValidators ??= createRequire(import.meta.url)('../../generated/arazzo-validator.cjs') as {
    readonly [name: string]: (value: unknown) => boolean;
  };
  const validate = exactValidators[FEATURE_SETS[featureSet].exact];
  if (validate === undefined)
    throw new Error(`generated/arazzo-validator.cjs lacks ${FEATURE_SETS[featureSet].exact}`);
  return validate;
}

/** The quick yes/no check of a feature set's schema (compile-schema-check.ts), compiled once. */
const quickChecks = new Map<ArazzoFeatureSet, SchemaCheck>();

/** The quick check of one feature set: true only where ajv's validator also says yes. */
export function quickArazzoCheck(featureSet: ArazzoFeatureSet): SchemaCheck {
  let check = quickChecks.get(featureSet);
  if (check === undefined) {
    check = compileSchemaCheck(FEATURE_SETS[featureSet].schema, JSON_SCHEMA_2020_12_META);
    quickChecks.set(featureSet, check);
  }
  return check;
}

/**
 * The schema validator of one Arazzo feature set (1.0 when not given): a document that passes the
 * quick in-process check has no errors (the check is never looser than ajv); one that does not is
 * given to the precompiled ajv validator, loaded then, for ajv's exact errors. So a valid document
 * costs neither an ajv compile nor the parse of the generated code.
 */
export function compileArazzoSchema(featureSet: ArazzoFeatureSet = '1.0'): SchemaValidator {
  let validator = compiled.get(featureSet);
  if (validator === undefined) {
    const quick = quickArazzoCheck(featureSet);
    let exact: SchemaValidator | undefined;
    validator = (value) => {
      if (quick(value)) return [];
      exact ??= toValidator(exactArazzoValidator(featureSet));
      return exact(value);
    };
    compiled.set(featureSet, validator);
  }
  return validator;
}
