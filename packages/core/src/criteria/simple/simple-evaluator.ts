/**
 * The `simple` criterion type (Arazzo 1.0.1 §4.6.10): literals, operators and runtime expressions,
 * parsed once at compile time.
 */
import type { CompiledCriterion, CriterionEvaluator } from '../types.js';
import { isTruthy } from './compare-values.js';
import type { ConditionNode } from './condition-ast.js';
import { evaluateCondition } from './evaluate-condition.js';
import { parseCondition } from './parse-condition.js';

/** A compiled simple condition; `ast` is exposed for lint (references) and tooling. */
export interface CompiledSimpleCriterion extends CompiledCriterion {
  readonly ast: ConditionNode;
}

/** Create the `simple` evaluator. */
export function createSimpleEvaluator(): CriterionEvaluator {
  return {
    type: 'simple',
    versions: [],
    conditionIsExpression: true,
    compile({ condition, names }): CompiledSimpleCriterion {
      const ast = parseCondition(condition, names);
      return { ast, test: (ctx, onMissing) => isTruthy(evaluateCondition(ast, ctx, onMissing)) };
    },
  };
}
