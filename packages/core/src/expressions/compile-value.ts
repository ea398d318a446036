/**
 * Parse once, evaluate many: walks a parameter value, payload, replacement value or output once,
 * parsing every expression and template string inside, and returns an evaluator for runs.
 */

import { isSelectorObject } from '../document/is-selector-object.js';
import { setOwn } from '../document/set-own.js';
import type { JsonValue } from '../model/arazzo.js';
import type { ExpressionSyntaxError, RuntimeExpression } from './ast.js';
import { classifyValue } from './classify-value.js';
import type { ExpressionContext, MissingValueListener } from './context.js';
import type { DeclaredNames } from './declared-names.js';
import { evaluateExpression } from './evaluate-expression.js';
import { parseExpression } from './parse-expression.js';
import { parseTemplate } from './parse-template.js';
import { renderTemplate } from './render-template.js';
import { compileSelector } from './selectors/compile-selector.js';

/** A value compiled once; `evaluate` builds the concrete value for one moment of a run. */
export interface CompiledValue {
  /** The value with every expression evaluated (typed) and every template rendered (a string). */
  evaluate(ctx: ExpressionContext, onMissing?: MissingValueListener): unknown;
  /** Every well-formed expression inside, whole or embedded, with the JSON Pointer of its string. */
  readonly expressions: readonly { readonly pointer: string; readonly expression: RuntimeExpression }[];
  /** Every malformed template (`... {$bad} ...`), with the JSON Pointer of its string. */
  readonly errors: readonly { readonly pointer: string; readonly error: ExpressionSyntaxError }[];
  /**
   * Every string that starts with `$` but is not a well-formed expression: kept as the literal
   * string (a constant is allowed there), listed so lint can warn.
   */
  readonly literals: readonly { readonly pointer: string; readonly error: ExpressionSyntaxError }[];
  /** True when the value holds no expression at all (`evaluate` then returns it unchanged). */
  readonly constant: boolean;
}

type Evaluator = (ctx: ExpressionContext, onMissing: MissingValueListener | undefined) => unknown;

interface Walk {
  expressions: { pointer: string; expression: RuntimeExpression }[];
  errors: { pointer: string; error: ExpressionSyntaxError }[];
  literals: { pointer: string; error: ExpressionSyntaxError }[];
  names: DeclaredNames | undefined;
  constantAllowed: boolean;
  selectors: boolean;
}

/** Options of compileValue. */
export interface CompileValueOptions {
  /** Declared names, so expressions may name ids the strict grammar would cut short (see DeclaredNames). */
  readonly names?: DeclaredNames;
  /**
   * True (default) where a constant is allowed (parameter values, payloads, replacement values): a
   * `$` string that is no expression is kept literally and listed in `literals`. False where only
   * an expression is (outputs): it is listed in `errors` and evaluates to undefined.
   */
  readonly constantAllowed?: boolean;
  /**
   * True in Arazzo 1.1 documents: an object that is exactly a Selector Object (`context`,
   * `selector`, `type`) is evaluated as one (1.1.0 §Selector Object: outputs, parameter values,
   * payloads and replacement values); in 1.0 documents such an object is a literal.
   */
  readonly selectors?: boolean;
}

/** Compile `value` once (strings classified by classifyValue) for evaluation in many runs. */
export function compileValue(value: JsonValue, options: CompileValueOptions = {}): CompiledValue {
  const walk: Walk = {
    expressions: [],
    errors: [],
    literals: [],
    names: options.names,
    constantAllowed: options.constantAllowed ?? true,
    selectors: options.selectors ?? false,
  };
  const evaluator = compileNode(value, '', walk);
  return {
    evaluate: evaluator === undefined ? () => value : (ctx, onMissing) => evaluator(ctx, onMissing),
    expressions: walk.expressions,
    errors: walk.errors,
    literals: walk.literals,
    constant: evaluator === undefined,
  };
}

const escapeToken = (key: string | number): string => String(key).replaceAll('~', '~0').replaceAll('/', '~1');

/** An evaluator for the node, or undefined when the node is constant. */
function compileNode(value: JsonValue, pointer: string, walk: Walk): Evaluator | undefined {
  if (typeof value === 'string') return compileString(value, pointer, walk);
  if (Array.isArray(value)) {
    const items = value.map((item, i) => compileNode(item, `${pointer}/${i}`, walk));
    if (items.every((item) => item === undefined)) return undefined;
    return (ctx, onMissing) =>
      value.map((item, i) => (items[i] === undefined ? item : items[i](ctx, onMissing)));
  }
  if (walk.selectors && isSelectorObject(value)) {
    const selector = compileSelector(value, walk.names);
    if (selector.context !== undefined)
      walk.expressions.push({ pointer: `${pointer}/context`, expression: selector.context });
    if (selector.problem !== undefined)
      walk.errors.push({ pointer, error: { message: selector.problem, offset: 0 } });
    return (ctx, onMissing) => selector.evaluate(ctx, onMissing);
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as { readonly [key: string]: JsonValue };
    const entries = Object.keys(record).map(
      (key) => [key, compileNode(record[key] as JsonValue, `${pointer}/${escapeToken(key)}`, walk)] as const,
    );
    if (entries.every(([, item]) => item === undefined)) return undefined;
    return (ctx, onMissing) => {
      const out: Record<string, unknown> = {};
      for (const [key, item] of entries)
        setOwn(out, key, item === undefined ? record[key] : item(ctx, onMissing));
      return out;
    };
  }
  return undefined;
}

function compileString(value: string, pointer: string, walk: Walk): Evaluator | undefined {
  const kind = classifyValue(value);
  if (kind === 'literal') return undefined;
  if (kind === 'expression') {
    const parsed = parseExpression(value, walk.names);
    if (parsed.ok) {
      walk.expressions.push({ pointer, expression: parsed.value });
      const expression = parsed.value;
      return (ctx, onMissing) => evaluateExpression(expression, ctx, onMissing);
    }
    if (!walk.constantAllowed) {
      walk.errors.push({ pointer, error: parsed.error });
      return malformed(value, parsed.error);
    }
    // A constant is allowed here: a `$` string that is no expression is sent as written (lint warns).
    walk.literals.push({ pointer, error: parsed.error });
    return undefined;
  }
  const parsed = parseTemplate(value, walk.names);
  if (!parsed.ok) {
    walk.errors.push({ pointer, error: parsed.error });
    return malformed(value, parsed.error);
  }
  for (const part of parsed.value.parts) {
    if (part.kind === 'expression') walk.expressions.push({ pointer, expression: part.expression });
  }
  const template = parsed.value;
  return (ctx, onMissing) => renderTemplate(template, ctx, onMissing);
}

/** A malformed template is never sent as a literal: it yields undefined and is reported. */
function malformed(text: string, error: ExpressionSyntaxError): Evaluator {
  return (_ctx, onMissing) => {
    onMissing?.({ expression: text, reason: `malformed expression: ${error.message} (at ${error.offset})` });
    return undefined;
  };
}
