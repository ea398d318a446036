/**
 * The AST of a `simple` condition (Arazzo 1.0.1 §4.6.10 Criterion Object: literals, operators,
 * runtime expressions, `()` grouping, `[]` index and `.` property de-reference).
 */
import type { RuntimeExpression } from '../../expressions/ast.js';

/** A comparison operator. */
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** One node of a parsed condition. `text` is the node's source text (for missing-value events). */
export type ConditionNode =
  | { readonly kind: 'literal'; readonly value: null | boolean | number | string }
  | { readonly kind: 'expression'; readonly expression: RuntimeExpression }
  | { readonly kind: 'member'; readonly object: ConditionNode; readonly key: string; readonly text: string }
  | { readonly kind: 'not'; readonly operand: ConditionNode }
  | { readonly kind: 'and' | 'or'; readonly left: ConditionNode; readonly right: ConditionNode }
  | {
      readonly kind: 'compare';
      readonly op: ComparisonOperator;
      readonly left: ConditionNode;
      readonly right: ConditionNode;
    };

/** A lexical token of a condition with its 0-based offset. */
export type ConditionToken =
  | {
      readonly type: 'expression';
      readonly expression: RuntimeExpression;
      readonly offset: number;
      readonly end: number;
    }
  | {
      readonly type: 'number';
      readonly value: number;
      readonly raw: string;
      readonly offset: number;
      readonly end: number;
    }
  | { readonly type: 'string'; readonly value: string; readonly offset: number; readonly end: number }
  | { readonly type: 'name'; readonly value: string; readonly offset: number; readonly end: number }
  | { readonly type: 'op'; readonly value: string; readonly offset: number; readonly end: number }
  | { readonly type: 'end'; readonly offset: number; readonly end: number };
