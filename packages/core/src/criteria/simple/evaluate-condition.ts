/**
 * Evaluates a parsed `simple` condition over one moment of a run. `&&` and `||` short-circuit; a
 * value that cannot be reached is undefined (reported to the listener), never an exception.
 */
import type { ExpressionContext, MissingValueListener } from '../../expressions/context.js';
import { evaluateExpression } from '../../expressions/evaluate-expression.js';
import { getMember } from '../../expressions/json-pointer.js';
import { compareValues, isTruthy } from './compare-values.js';
import type { ConditionNode } from './condition-ast.js';

/** The value of `node` (a boolean for operators, the operand's value for operands). */
export function evaluateCondition(
  node: ConditionNode,
  ctx: ExpressionContext,
  onMissing?: MissingValueListener,
): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'expression':
      return evaluateExpression(node.expression, ctx, onMissing);
    case 'member': {
      const object = evaluateCondition(node.object, ctx, onMissing);
      if (object === undefined) return undefined;
      const member = getMember(object, node.key);
      if (member.found) return member.value;
      onMissing?.({ expression: node.text, reason: member.reason });
      return undefined;
    }
    case 'not':
      return !isTruthy(evaluateCondition(node.operand, ctx, onMissing));
    case 'and':
      return (
        isTruthy(evaluateCondition(node.left, ctx, onMissing)) &&
        isTruthy(evaluateCondition(node.right, ctx, onMissing))
      );
    case 'or':
      return (
        isTruthy(evaluateCondition(node.left, ctx, onMissing)) ||
        isTruthy(evaluateCondition(node.right, ctx, onMissing))
      );
    case 'compare':
      return compareValues(
        node.op,
        evaluateCondition(node.left, ctx, onMissing),
        evaluateCondition(node.right, ctx, onMissing),
      );
  }
}
