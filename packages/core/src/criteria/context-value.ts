/**
 * Reads a criterion's `context` expression for regex, jsonpath and xpath criteria.
 */
import type { RuntimeExpression } from '../expressions/ast.js';
import type { ExpressionContext, MissingValueListener } from '../expressions/context.js';
import { evaluateExpression } from '../expressions/evaluate-expression.js';

/** The context's value, or undefined (reported) when absent. */
export function readContext(
  context: RuntimeExpression | undefined,
  ctx: ExpressionContext,
  onMissing?: MissingValueListener,
): unknown {
  return context === undefined ? undefined : evaluateExpression(context, ctx, onMissing);
}

/**
 * The string a regex is applied to: strings as they are, numbers and booleans in their JSON form,
 * objects and arrays as JSON; undefined for null or a missing value (the criterion then fails).
 */
export function contextString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
