import { validateArazzo10, validateArazzo11 } from './generated/arazzo-validator.js';
import { type SchemaValidator, toValidator } from './to-validator.js';

export type { SchemaValidator } from './to-validator.js';

/** The `major.minor` feature sets telaio reads (Arazzo §Versions: the patch is not considered). */
export type ArazzoFeatureSet = '1.0' | '1.1';

/** Each supported feature set's precompiled schema validator: adding a version is adding a row. */
const VALIDATORS: { readonly [V in ArazzoFeatureSet]: (value: unknown) => boolean } = {
  '1.0': validateArazzo10,
  '1.1': validateArazzo11,
};

const compiled = new Map<ArazzoFeatureSet, SchemaValidator>();

/** The supported feature sets, oldest first (for messages). */
export const SUPPORTED_FEATURE_SETS = Object.keys(VALIDATORS) as readonly ArazzoFeatureSet[];

/**
 * The feature set an `arazzo` field names, patch and pre-release ignored (`1.1.0`, `1.1.7`,
 * `1.0.0-rc1`), or undefined when it is not a `major.minor.patch` string of a supported one.
 */
export function featureSetOf(arazzo: unknown): ArazzoFeatureSet | undefined {
  if (typeof arazzo !== 'string') return undefined;
  const match = /^(\d+\.\d+)\.\d+(?:-.+)?$/.exec(arazzo);
  const set = match?.[1];
  return set !== undefined && Object.hasOwn(VALIDATORS, set) ? (set as ArazzoFeatureSet) : undefined;
}

/**
 * The schema validator of one Arazzo feature set (1.0 when not given). Compiled ahead of time
 * (generated/arazzo-validator.ts, from arazzo-schema.ts and arazzo-1-1-schema.ts), so this costs a
 * module load, not an ajv compile.
 */
export function compileArazzoSchema(featureSet: ArazzoFeatureSet = '1.0'): SchemaValidator {
  let validator = compiled.get(featureSet);
  if (validator === undefined) {
    validator = toValidator(VALIDATORS[featureSet]);
    compiled.set(featureSet, validator);
  }
  return validator;
}
