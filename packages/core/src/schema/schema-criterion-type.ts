// biome-ignore-all lint/suspicious/noThenProperty: JSON Schema's if/then keywords

import { strictObject } from './schema-fragments.js';

/** The standard types that have an Expression Type Object (with versions the spec lists). */
const VERSIONED_TYPES = ['jsonpath', 'xpath'];

/**
 * The schema of a Criterion Object's `type`, for every Arazzo version: the one place that decides
 * what a criterion type may look like. The schema checks only the shape: a string, or an object
 * `{type, version}`; which names (and versions) exist is the criterion registry's answer (lint
 * `criterion-invalid`), so a plugin's type loads like a standard one. An object naming a standard
 * versioned type is still held to the version's Expression Type Object (`expressionTypeRef`): its
 * versions are the spec's.
 */
export function criterionTypeSchema(expressionTypeRef: string): Record<string, unknown> {
  return {
    if: { type: 'string' },
    then: { type: 'string' },
    else: {
      if: { type: 'object', required: ['type'], properties: { type: { enum: VERSIONED_TYPES } } },
      then: { $ref: expressionTypeRef },
      else: strictObject({
        properties: { type: { type: 'string' }, version: { type: 'string' } },
        required: ['type', 'version'],
      }),
    },
  };
}
