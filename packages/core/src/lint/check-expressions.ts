import type { RuntimeExpression } from '../expressions/ast.js';
import { compileValue } from '../expressions/compile-value.js';
import type { DeclaredNames } from '../expressions/declared-names.js';
import { parseExpression } from '../expressions/parse-expression.js';
import type { JsonValue } from '../model/arazzo.js';
import { collectExpressionSites, type ExpressionSite } from './collect-expression-sites.js';
import { declaredNamesOf } from './declared-names-of.js';
import { findReferenceProblem } from './find-reference-problem.js';
import type { LintContext } from './lint-context.js';
import { nonPortableName } from './non-portable-name.js';
import { scanConditionExpressions } from './scan-condition-expressions.js';

/**
 * `expression-invalid` and `reference-unknown` (and their finer rules): every runtime expression
 * of the document, whole or embedded as `{$...}`, must parse, and what it names must exist. Names
 * are read with the document's declared names (`$inputs.$orderby`, `$steps.get pet.outputs.x`),
 * an expression naming a non-portable id is `expression-name-not-portable`. A `$` string that is
 * no expression where a constant is allowed is `expression-literal` (sent as written). A
 * whole-expression field written as a template `{$...}` is told to drop the braces. All point at
 * the scalar holding the expression.
 */
export function checkExpressions(context: LintContext): void {
  const names = new Map<string, DeclaredNames>();
  for (const site of collectExpressionSites(context)) {
    const key = `${site.scope.workflow}/${site.scope.step}`;
    let declared = names.get(key);
    if (declared === undefined) {
      declared = declaredNamesOf({ document: context.root, ...site.scope });
      names.set(key, declared);
    }
    for (const { pointer, expression } of parseSite(context, site, declared)) {
      const portable = nonPortableName(expression);
      if (portable !== undefined)
        context.report({ rule: 'expression-name-not-portable', message: portable, pointer });
      const problem = findReferenceProblem(context, expression, site.scope);
      if (problem !== undefined) context.report({ rule: problem.rule, message: problem.message, pointer });
    }
  }
}

/** Parse one site, reporting syntax errors; returns the well-formed expressions with their pointers. */
function parseSite(
  context: LintContext,
  site: ExpressionSite,
  names: DeclaredNames,
): { pointer: string; expression: RuntimeExpression }[] {
  const invalid = (pointer: string, text: string, message: string, offset: number): void =>
    context.report({
      rule: 'expression-invalid',
      message: `'${text}' is not a valid runtime expression: ${message} (at offset ${offset})`,
      pointer,
    });
  if (site.kind === 'value') {
    const compiled = compileValue(site.value as JsonValue, { names });
    for (const { pointer, error } of compiled.errors) {
      const text = pointerValue(site.value, pointer);
      invalid(`${site.pointer}${pointer}`, text, error.message, error.offset);
    }
    for (const { pointer, error } of compiled.literals) {
      const text = pointerValue(site.value, pointer);
      context.report({
        rule: 'expression-literal',
        message: `'${text}' starts with '$' but is no runtime expression (${error.message}, at offset ${error.offset}): it is sent as the literal string`,
        pointer: `${site.pointer}${pointer}`,
      });
    }
    return compiled.expressions.map(({ pointer, expression }) => ({
      pointer: `${site.pointer}${pointer}`,
      expression,
    }));
  }
  const text = site.value as string;
  if (site.kind === 'condition') {
    const scan = scanConditionExpressions(text, names);
    if (!scan.ok) {
      invalid(site.pointer, text, scan.error.message, scan.error.offset);
      return [];
    }
    return scan.expressions.map((expression) => ({ pointer: site.pointer, expression }));
  }
  const parsed = parseExpression(text, names);
  if (parsed.ok) return [{ pointer: site.pointer, expression: parsed.value }];
  const braced = /^\s*\{\s*(\$[^{}]*?)\s*\}\s*$/.exec(text);
  if (braced !== null) {
    context.report({
      rule: 'expression-braced',
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
