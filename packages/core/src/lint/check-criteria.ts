import { CriterionSyntaxError } from '../criteria/types.js';
import { parseExpression } from '../expressions/parse-expression.js';
import type { Criterion } from '../model/arazzo.js';
import { collectCriteria } from './collect-criteria.js';
import type { LintContext } from './lint-context.js';
import { asRecord, asString } from './read-node.js';
import { scanConditionExpressions } from './scan-condition-expressions.js';

/**
 * `criterion-invalid`: every criterion must compile in its language: `simple` syntax, a regex that
 * compiles, JSONPath or XPath that parses, a type the criterion registry knows (standard or plugin)
 * and a version it accepts; types whose evaluator `requiresContext` (regex, jsonpath, xpath) need a
 * `context`. Malformed expressions inside are left to `expression-invalid`. A criterion
 * accepted only in a compatibility reading (`$.results.length > 0`, not RFC 9535) is a warning at
 * its condition, one per `CompiledCriterion.warnings` entry.
 */
export function checkCriteria(context: LintContext): void {
  for (const { pointer, criterion } of collectCriteria(context)) {
    const condition = asString(criterion.condition);
    const rawType = criterion.type;
    const type = asString(rawType) ?? asString(asRecord(rawType)?.type) ?? 'simple';
    if (condition === undefined) continue;
    const contextText = asString(criterion.context);
    const evaluator = context.criteria.get(type);
    if (evaluator === undefined) {
      const known = context.criteria.types().join(', ');
      context.report({
        rule: 'criterion-invalid',
        message: `unknown criterion type '${type}' (known: ${known}; a plugin type needs its evaluator)`,
        pointer: `${pointer}/type`,
      });
      continue;
    }
    if (criterion.context !== undefined && contextText === undefined) {
      // A Selector Object is no criterion context: 1.1.0 §Criterion Object keeps `context` a runtime expression.
      const selector = asRecord(criterion.context)?.selector !== undefined;
      context.report({
        rule: 'criterion-invalid',
        message: selector
          ? "a criterion 'context' is a runtime expression only (1.1.0 §Criterion Object), not a Selector Object: put the selector in the criterion itself (context: $response.body, type: jsonpath or xpath, condition: the selector) or select it into a step output"
          : "a criterion 'context' must be a runtime expression",
        pointer: `${pointer}/context`,
        // The schema's "must be a string" says what, this says why and what to write instead.
        despiteSchema: selector,
      });
      continue;
    }
    if (evaluator.requiresContext === true && contextText === undefined) {
      context.report({
        rule: 'criterion-invalid',
        message: `a ${type} criterion needs a 'context' (the runtime expression it applies to, e.g. $response.body)`,
        pointer,
      });
      continue;
    }
    if (contextText !== undefined && !parseExpression(contextText).ok) continue;
    if (type === 'simple' && !scanConditionExpressions(condition).ok) continue;
    const { problem, warnings } = compileCriterion(context, criterion);
    if (problem !== undefined) {
      context.report({
        rule: 'criterion-invalid',
        message: `${type} criterion '${condition}': ${problem}`,
        pointer: `${pointer}/condition`,
      });
    }
    for (const warning of warnings) {
      context.report({
        rule: 'criterion-compat',
        message: `${type} criterion: ${warning}`,
        pointer: `${pointer}/condition`,
      });
    }
  }
}

/** The compile error of a criterion in words (undefined when it compiles) and its warnings. */
function compileCriterion(
  context: LintContext,
  criterion: Readonly<Record<string, unknown>>,
): { problem?: string; warnings: readonly string[] } {
  try {
    const arazzoVersion = asString(context.root.arazzo);
    const options = arazzoVersion === undefined ? {} : { arazzoVersion };
    return { warnings: context.criteria.compile(criterion as unknown as Criterion, options).warnings ?? [] };
  } catch (error) {
    if (error instanceof CriterionSyntaxError) {
      const problem =
        error.offset === undefined ? error.message : `${error.message} (at offset ${error.offset})`;
      return { problem, warnings: [] };
    }
    const problem = `cannot be compiled: ${error instanceof Error ? error.message : String(error)}`;
    return { problem, warnings: [] };
  }
}
