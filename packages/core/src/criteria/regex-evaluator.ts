/**
 * The `regex` criterion type (Arazzo 1.0.1 §4.6.10): an ECMAScript pattern, compiled once, tested
 * against the string value of `context` in time linear in its length. The pattern is translated to
 * RE2 syntax (regex-translate.ts) and matched by RE2JS, a pure-JavaScript RE2: a hostile pattern
 * such as `^(a+)+$` cannot block the run. Backreferences and lookahead are refused at load time
 * (lint `criterion-invalid`), since no linear-time engine can match them.
 */
import type { RE2JS } from 're2js';
import { contextString, readContext } from './context-value.js';
import { loadRe2js } from './lazy-library.js';
import { translateRegex } from './regex-translate.js';
import { type CriterionEvaluator, CriterionSyntaxError } from './types.js';

/** Create the `regex` evaluator. A null or missing context fails the criterion. */
export function createRegexEvaluator(): CriterionEvaluator {
  return {
    type: 'regex',
    versions: [],
    requiresContext: true,
    compile({ condition, context }) {
      const { source, lookbehind } = translateRegex(condition);
      const { RE2JS: Re2 } = loadRe2js();
      let pattern: RE2JS;
      try {
        pattern = Re2.compile(source, lookbehind ? Re2.LOOKBEHINDS : 0);
      } catch (e) {
        throw new CriterionSyntaxError(
          `the regex is not supported by the linear-time engine (RE2): ${(e as Error).message}`,
        );
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
