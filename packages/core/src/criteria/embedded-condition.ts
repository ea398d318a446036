/**
 * Conditions of regex, jsonpath and xpath criteria with embedded `{$...}` runtime expressions, as
 * Arazzo 1.1.0 §"Runtime Expressions in Conditions" spells out (the expressions are evaluated and
 * substituted first, then the condition is applied): `'^({$inputs.statusPattern})$'`. Accepted for
 * 1.0.1 documents too, where such a condition could only ever match literal braces.
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
