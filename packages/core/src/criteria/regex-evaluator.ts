/**
 * The `regex` criterion type (Arazzo 1.0.1 §4.6.10): an ECMAScript pattern, compiled once, tested
 * against the string value of `context`.
 */
import { contextString, readContext } from './context-value.js';
import { type CriterionEvaluator, CriterionSyntaxError } from './types.js';

/** Create the `regex` evaluator. A null or missing context fails the criterion. */
export function createRegexEvaluator(): CriterionEvaluator {
  return {
    type: 'regex',
    versions: [],
    requiresContext: true,
    compile({ condition, context }) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(condition);
      } catch (e) {
        throw new CriterionSyntaxError(`the regex does not compile: ${(e as Error).message}`);
      }
      return {
        test(ctx, onMissing) {
          const text = contextString(readContext(context, ctx, onMissing));
          return text !== undefined && pattern.test(text);
        },
      };
    },
  };
}
