/**
 * Lists the runtime expressions a `simple` condition reads, for lint's reference checks
 * (undeclared inputs, unknown steps or outputs).
 */
import type { RuntimeExpression } from '../../expressions/ast.js';
import type { ConditionNode } from './condition-ast.js';

/** Every runtime expression in `node`, in source order. */
export function conditionExpressions(node: ConditionNode): RuntimeExpression[] {
  const out: RuntimeExpression[] = [];
  const visit = (n: ConditionNode): void => {
    switch (n.kind) {
      case 'expression':
        out.push(n.expression);
        return;
      case 'member':
        visit(n.object);
        return;
      case 'not':
        visit(n.operand);
        return;
      case 'and':
      case 'or':
      case 'compare':
        visit(n.left);
        visit(n.right);
        return;
      default:
        return;
    }
  };
  visit(node);
  return out;
}
