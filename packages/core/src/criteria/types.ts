import type { RuntimeExpression } from '../expressions/ast.js';
import type { ExpressionContext, MissingValueListener } from '../expressions/context.js';
import type { DeclaredNames } from '../expressions/declared-names.js';

/** What a criterion evaluator compiles: the condition plus, for regex/jsonpath/xpath, its context. */
export interface CriterionSource {
  readonly condition: string;
  /** Parsed `context` expression (required for regex, jsonpath, xpath). */
  readonly context?: RuntimeExpression;
  /** Version of the expression language (`rfc9535`, `draft-goessner-dispatch-jsonpath-00`, `xpath-30`, ...). */
  readonly version?: string;
  /** Names the document declares, so expressions in the condition may name ids the strict grammar cuts short. */
  readonly names?: DeclaredNames;
}

/** A criterion compiled once per document and tested many times. */
export interface CompiledCriterion {
  /** Evaluate against one moment of a run. Never throws for data reasons: a miss is `false`. */
  test(ctx: ExpressionContext, onMissing?: MissingValueListener): boolean;
  /** Notes for lint when the criterion was accepted in a compatibility reading (not an error). */
  readonly warnings?: readonly string[];
}

/** Thrown by `compile` when a criterion cannot be evaluated (lint reports it as `criterion-invalid`). */
export class CriterionSyntaxError extends Error {
  /** 0-based offset in the condition, when known. */
  readonly offset: number | undefined;
  constructor(message: string, offset?: number) {
    super(message);
    this.name = 'CriterionSyntaxError';
    this.offset = offset;
  }
}

/** A criterion language (`simple`, `regex`, `jsonpath`, `xpath`, or a plugin's own type). */
export interface CriterionEvaluator {
  /** The `type` (or expression-type object `type`) this evaluator handles. */
  readonly type: string;
  /** Versions accepted for expression-type objects; the first is the default. Empty for simple/regex. */
  readonly versions: readonly string[];
  /**
   * True when the condition is applied to a `context` (regex, jsonpath, xpath: Arazzo 1.0.1 §4.6.10
   * "For regex or JSONPath, the `type` and `context` MUST be specified"); compile then rejects a
   * criterion without one.
   */
  readonly requiresContext?: boolean;
  /**
   * True when the condition is itself a runtime-expression language (`simple`): its `{$...}` are its
   * own business. Otherwise (regex, jsonpath, xpath, plugins) `{$...}` in a condition of an Arazzo
   * 1.1 document are embedded runtime expressions, substituted before `compile` sees the condition.
   */
  readonly conditionIsExpression?: boolean;
  /** Compile a criterion; throws CriterionSyntaxError when it is not well formed. */
  compile(source: CriterionSource): CompiledCriterion;
}
