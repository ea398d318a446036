/**
 * The registry of implicit response checks, in the order they run. Help texts, `--severity` names
 * and the set of check codes all derive from this map.
 */
import { contentTypeCheck } from './check-content-type.js';
import { schemaCheck } from './check-schema.js';
import { statusCodeCheck } from './check-status-code.js';
import type { ResponseCheckCode } from './check-types.js';
import type { ResponseCheck } from './response-check.js';

/** Every response check by code. */
export const RESPONSE_CHECKS = {
  'status-code': statusCodeCheck,
  'content-type': contentTypeCheck,
  schema: schemaCheck,
} as const satisfies { readonly [K in ResponseCheckCode]: ResponseCheck<K> };

/** The check codes, in registry order. */
export const RESPONSE_CHECK_CODES = Object.keys(RESPONSE_CHECKS) as ResponseCheckCode[];
