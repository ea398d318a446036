import { CriterionSyntaxError } from '../criteria/types.js';
import { parseExpression } from '../expressions/parse-expression.js';
import type { Criterion } from '../model/arazzo.js';
import { collectCriteria } from './collect-criteria.js';
import type { LintContext } from './lint-context.js';
import { asRecord, asString } from './read-node.js';
import { scanConditionExpressions } from './scan-condition-expressions.js';

const NEEDS_CONTEXT = new Set(['regex', 'jsonpath', 'xpath']);

/**
 * `criterion-invalid`: every criterion must compile in its language: `simple` syntax, a regex that
 * compiles, JSONPath or XPath that parses, a known type and version; regex, jsonpath and xpath
 * need a `context`. Malformed expressions inside are left to `expression-invalid`.
 */
export function checkCriteria(context: LintContext): void {
  for (const { pointer, criterion } of collectCriteria(context)) {
    const condition = asString(criterion.condition);
    const rawType = criterion.type;
    const type = asString(rawType) ?? asString(asRecord(rawType)?.type) ?? 'simple';
    if (condition === undefined) continue;
    const contextText = asString(criterion.context);
    if (NEEDS_CONTEXT.has(type) && contextText === undefined) {
      context.report({
        code: 'criterion-invalid',
        message: `a ${type} criterion needs a 'context' (the runtime expression it applies to, e.g. $response.body)`,
        pointer,
      });
      continue;
    }
    if (contextText !== undefined && !parseExpression(contextText).ok) continue;
    if (type === 'simple' && !scanConditionExpressions(condition).ok) continue;
    const problem = compileProblem(context, criterion);
    if (problem !== undefined) {
      context.report({
        code: 'criterion-invalid',
        message: `${type} criterion '${condition}': ${problem}`,
        pointer: `${pointer}/condition`,
      });
    }
  }
}

/** The compile error of a criterion in words, or undefined when it compiles. */
function compileProblem(
  context: LintContext,
  criterion: Readonly<Record<string, unknown>>,
): string | undefined {
  try {
    context.criteria.compile(criterion as unknown as Criterion);
    return undefined;
  } catch (error) {
    if (error instanceof CriterionSyntaxError) {
      return error.offset === undefined ? error.message : `${error.message} (at offset ${error.offset})`;
    }
    return `cannot be compiled: ${error instanceof Error ? error.message : String(error)}`;
  }
}
