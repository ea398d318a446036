import type { RuntimeExpression } from '../expressions/ast.js';
import { compileValue } from '../expressions/compile-value.js';
import { parseExpression } from '../expressions/parse-expression.js';
import type { JsonValue } from '../model/arazzo.js';
import { collectExpressionSites, type ExpressionSite } from './collect-expression-sites.js';
import { findReferenceProblem } from './find-reference-problem.js';
import type { LintContext } from './lint-context.js';
import { scanConditionExpressions } from './scan-condition-expressions.js';

/**
 * `expression-invalid` and `reference-unknown`: every runtime expression of the document, whole or
 * embedded as `{$...}`, must parse, and what it names must exist. Both point at the scalar holding
 * the expression. A whole-expression field (outputs, context, reference) written as a template
 * `{$...}` is told to drop the braces.
 */
export function checkExpressions(context: LintContext): void {
  for (const site of collectExpressionSites(context)) {
    for (const { pointer, expression } of parseSite(context, site)) {
      const problem = findReferenceProblem(context, expression, site.scope);
      if (problem !== undefined)
        context.report({
          code: 'reference-unknown',
          severity: problem.severity,
          message: problem.message,
          pointer,
        });
    }
  }
}

/** Parse one site, reporting syntax errors; returns the well-formed expressions with their pointers. */
function parseSite(
  context: LintContext,
  site: ExpressionSite,
): { pointer: string; expression: RuntimeExpression }[] {
  const invalid = (pointer: string, text: string, message: string, offset: number): void =>
    context.report({
      code: 'expression-invalid',
      message: `'${text}' is not a valid runtime expression: ${message} (at offset ${offset})`,
      pointer,
    });
  if (site.kind === 'value') {
    const compiled = compileValue(site.value as JsonValue);
    for (const { pointer, error } of compiled.errors) {
      const text = pointerValue(site.value, pointer);
      invalid(`${site.pointer}${pointer}`, text, error.message, error.offset);
    }
    return compiled.expressions.map(({ pointer, expression }) => ({
      pointer: `${site.pointer}${pointer}`,
      expression,
    }));
  }
  const text = site.value as string;
  if (site.kind === 'condition') {
    const scan = scanConditionExpressions(text);
    if (!scan.ok) {
      invalid(site.pointer, text, scan.error.message, scan.error.offset);
      return [];
    }
    return scan.expressions.map((expression) => ({ pointer: site.pointer, expression }));
  }
  const parsed = parseExpression(text);
  if (parsed.ok) return [{ pointer: site.pointer, expression: parsed.value }];
  const braced = /^\s*\{\s*(\$[^{}]*?)\s*\}\s*$/.exec(text);
  if (braced !== null) {
    context.report({
      code: 'expression-invalid',
      message: `${bareField(site.pointer)} a bare runtime expression: drop the braces ('${braced[1]}')`,
      pointer: site.pointer,
    });
    return [];
  }
  invalid(site.pointer, text, parsed.error.message, parsed.error.offset);
  return [];
}

/** How a message names the field at `pointer` that takes a bare expression, with its verb. */
function bareField(pointer: string): string {
  if (/\/outputs\/[^/]+$/.test(pointer)) return 'outputs take';
  if (pointer.endsWith('/context')) return 'a criterion context takes';
  if (pointer.endsWith('/reference')) return 'a reference takes';
  return 'this field takes';
}

/** The string at a relative pointer inside a value (for quoting it in messages). */
function pointerValue(value: unknown, pointer: string): string {
  let node = value;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return typeof node === 'string' ? node : String(node);
}
