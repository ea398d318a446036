/**
 * Conditions of regex, jsonpath and xpath criteria with embedded `{$...}` runtime expressions, as
 * Arazzo 1.1.0 §"Runtime Expressions in Conditions" spells out (the expressions are evaluated and
 * substituted first, then the condition is applied): `'^({$inputs.statusPattern})$'`. A 1.1.0 rule
 * only: Arazzo 1.0.1 has no such substitution, so in a 1.0.x document `{$` is part of the pattern
 * (`x{$y}` is a literal regex) and the criterion carries a warning saying so.
 */
import type { Template } from '../expressions/ast.js';
import { parseTemplate } from '../expressions/parse-template.js';
import { renderTemplate } from '../expressions/render-template.js';
import {
  type CompiledCriterion,
  type CriterionEvaluator,
  type CriterionSource,
  CriterionSyntaxError,
} from './types.js';

const CACHE_LIMIT = 64;

/**
 * True when conditions of a document with `arazzo: arazzoVersion` embed `{$...}` expressions: not
 * for 1.0.x; for 1.1.x and later, and when the version is unknown (a caller outside a document).
 */
export function embedsConditionExpressions(arazzoVersion: string | undefined): boolean {
  return arazzoVersion === undefined || !/^1\.0(?:[.-]|$)/.test(arazzoVersion);
}

/**
 * Compile `source` with `evaluator` by the rules of `arazzoVersion`: with embedded expressions
 * (see compileWithEmbedded), or literally, warning when a 1.0.x condition contains `{$`.
 */
export function compileTypedCondition(
  evaluator: CriterionEvaluator,
  source: CriterionSource,
  arazzoVersion: string | undefined,
): CompiledCriterion {
  if (embedsConditionExpressions(arazzoVersion)) return compileWithEmbedded(evaluator, source);
  if (!source.condition.includes('{$')) return evaluator.compile(source);
  const note =
    `'{$' is taken literally under Arazzo ${arazzoVersion}; under Arazzo 1.1 it would start an ` +
    `embedded runtime expression, evaluated before the condition is applied`;
  let compiled: CompiledCriterion;
  try {
    compiled = evaluator.compile(source);
  } catch (e) {
    if (!(e instanceof CriterionSyntaxError)) throw e;
    throw new CriterionSyntaxError(`${e.message} (${note})`, e.offset);
  }
  return { ...compiled, warnings: [...(compiled.warnings ?? []), note] };
}

/**
 * Compile `source` with `evaluator`, or, when its condition embeds `{$...}` expressions, a criterion
 * that renders the condition per test and compiles each distinct rendering once (bounded cache).
 */
export function compileWithEmbedded(
  evaluator: CriterionEvaluator,
  source: CriterionSource,
): CompiledCriterion {
  if (!source.condition.includes('{$')) return evaluator.compile(source);
  const parsed = parseTemplate(source.condition);
  if (!parsed.ok)
    throw new CriterionSyntaxError(`bad embedded expression: ${parsed.error.message}`, parsed.error.offset);
  const template: Template = parsed.value;
  // Check the surrounding syntax now, with every embedded expression standing in as `0`.
  const { warnings } = evaluator.compile({
    ...source,
    condition: template.parts.map((p) => (p.kind === 'literal' ? p.value : '0')).join(''),
  });
  const cache = new Map<string, CompiledCriterion | undefined>();
  return {
    ...(warnings === undefined ? {} : { warnings }),
    test(ctx, onMissing) {
      const condition = renderTemplate(template, ctx, onMissing);
      let compiled = cache.get(condition);
      if (compiled === undefined && !cache.has(condition)) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        try {
          compiled = evaluator.compile({ ...source, condition });
        } catch (e) {
          onMissing?.({
            expression: source.condition,
            reason: `the rendered condition '${condition}' is invalid: ${(e as Error).message}`,
          });
        }
        cache.set(condition, compiled);
      }
      return compiled?.test(ctx, onMissing) === true;
    },
  };
}
