// biome-ignore-all lint/suspicious/noThenProperty: JSON Schema's if/then keywords

/** The criterion types the Arazzo specification defines (1.0.1 and 1.1.0 §Criterion Object). */
export const STANDARD_CRITERION_TYPES = ['simple', 'regex', 'jsonpath', 'xpath'] as const;

/**
 * The schema of a Criterion Object's `type`, for every Arazzo version: the one place that decides
 * what a criterion type may be. A string is one of the standard names; an object is the version's
 * Expression Type Object (`expressionTypeRef`). To accept criterion plugins, relax the string branch
 * here (to `{ type: 'string' }`) and regenerate the validators: both schemas follow.
 */
export function criterionTypeSchema(expressionTypeRef: string): Record<string, unknown> {
  return {
    if: { type: 'string' },
    then: { enum: [...STANDARD_CRITERION_TYPES] },
    else: { $ref: expressionTypeRef },
  };
}
