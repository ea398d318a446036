/**
 * The standard criterion evaluators of Arazzo 1.0.1 §4.6.10: simple, regex, jsonpath, xpath.
 */
import { createJsonpathEvaluator } from './jsonpath-evaluator.js';
import { createRegexEvaluator } from './regex-evaluator.js';
import { createSimpleEvaluator } from './simple/simple-evaluator.js';
import type { CriterionEvaluator } from './types.js';
import { createXpathEvaluator } from './xpath-evaluator.js';

/** Fresh instances of the four standard evaluators. */
export function standardEvaluators(): CriterionEvaluator[] {
  return [createSimpleEvaluator(), createRegexEvaluator(), createJsonpathEvaluator(), createXpathEvaluator()];
}
