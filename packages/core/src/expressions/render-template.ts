/**
 * Renders a parsed template: each embedded `{$...}` expression is evaluated and stringified into the
 * surrounding text (Arazzo 1.0.1 §4.6.13).
 */
import type { Template } from './ast.js';
import type { ExpressionContext, MissingValueListener } from './context.js';
import { evaluateExpression } from './evaluate-expression.js';

/** The text form of an embedded value: strings as they are, objects and arrays as JSON, undefined as ''. */
export function stringifyEmbedded(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * The template's text with every embedded expression replaced by its value. A value that is missing
 * renders as an empty string and `onMissing` is told.
 */
export function renderTemplate(
  template: Template,
  ctx: ExpressionContext,
  onMissing?: MissingValueListener,
): string {
  let out = '';
  for (const part of template.parts) {
    out +=
      part.kind === 'literal'
        ? part.value
        : stringifyEmbedded(evaluateExpression(part.expression, ctx, onMissing));
  }
  return out;
}
