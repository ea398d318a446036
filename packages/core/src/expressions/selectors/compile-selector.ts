/**
 * A Selector Object (Arazzo 1.1.0 §Selector Object) compiled once: its `context` runtime
 * expression evaluated per use, then its `selector` applied to that structured value. One selected
 * value is the result; several (a JSONPath wildcard, an XPath node list) give the array of them;
 * none gives nothing, reported to the missing-value listener like an expression that reached nothing.
 */
import type { SelectorObject } from '../../model/arazzo.js';
import type { RuntimeExpression } from '../ast.js';
import type { ExpressionContext, MissingValueListener } from '../context.js';
import type { DeclaredNames } from '../declared-names.js';
import { evaluateExpression } from '../evaluate-expression.js';
import { parseExpression } from '../parse-expression.js';
import { compileSelectValues, type SelectValues } from './select-by-type.js';

/** True for documents whose values may hold Selector Objects: Arazzo 1.1 and later. */
export function allowsSelectors(arazzoVersion: string | undefined): boolean {
  return typeof arazzoVersion === 'string' && !/^1\.0(?:[.-]|$)/.test(arazzoVersion);
}

/** A compiled Selector Object. */
export interface CompiledSelector {
  /** The parsed `context` expression (undefined when it does not parse). */
  readonly context?: RuntimeExpression;
  /** Why it cannot be evaluated (context or selector does not compile), else undefined. */
  readonly problem?: string;
  evaluate(ctx: ExpressionContext, onMissing?: MissingValueListener): unknown;
}

/** Compile `selector` once. Never throws: a selector that does not compile evaluates to nothing, with `problem` set. */
export function compileSelector(selector: SelectorObject, names?: DeclaredNames): CompiledSelector {
  const { type } = selector;
  const name = typeof type === 'string' ? type : type.type;
  const version = typeof type === 'string' ? undefined : type.version;
  const parsed = parseExpression(selector.context, names);
  let select: SelectValues | undefined;
  let problem: string | undefined = parsed.ok
    ? undefined
    : `context '${selector.context}': ${parsed.error.message}`;
  try {
    select = compileSelectValues(name, version, selector.selector);
  } catch (e) {
    problem ??= `selector '${selector.selector}' (${name}): ${(e as Error).message}`;
  }
  const text = `${selector.context} ${name} ${selector.selector}`;
  if (!parsed.ok || select === undefined) {
    return {
      ...(parsed.ok ? { context: parsed.value } : {}),
      problem,
      evaluate: (_ctx, onMissing) => {
        onMissing?.({ expression: text, reason: problem ?? 'the selector does not compile' });
        return undefined;
      },
    };
  }
  const context = parsed.value;
  const run = select;
  return {
    context,
    evaluate(ctx, onMissing) {
      const data = evaluateExpression(context, ctx, onMissing);
      if (data === undefined) return undefined;
      const values = run(data);
      if (values.length === 1) return values[0];
      if (values.length > 1) return values;
      onMissing?.({ expression: text, reason: `the selector selected nothing in ${selector.context}` });
      return undefined;
    },
  };
}
