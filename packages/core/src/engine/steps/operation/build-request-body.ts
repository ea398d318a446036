/**
 * The body of an operation step's request: payload evaluated (expressions keep their type, templates
 * are rendered), then replacements applied: JSON Pointer (or, by 1.1 `targetSelectorType`, JSONPath)
 * targets on JSON payloads, XPath targets on XML payloads (Request Body Object, Payload Replacement Object). The content type is the step's, else
 * the operation's first request media type.
 */
import type { ExpressionContext, MissingValueListener } from '../../../expressions/context.js';
import type { OperationInfo } from '../../../sources/types.js';
import type { BodyPlan } from '../../plan/plan-types.js';
import { applyJsonReplacements } from './apply-json-replacements.js';
import { applyXmlReplacements } from './apply-xml-replacements.js';
import { isXmlBody } from './find-replacement-problem.js';
import { mismatchProblem } from './replacement-selector.js';

/** Evaluate a step's request body for one attempt. */
export function buildRequestBody(options: {
  body: BodyPlan;
  operation: OperationInfo | undefined;
  ctx: ExpressionContext;
  onMissing: MissingValueListener;
}): { contentType?: string; value: unknown } {
  const { body, ctx, onMissing } = options;
  const contentType = body.contentType ?? Object.keys(options.operation?.requestBody?.content ?? {})[0];
  let value = body.payload?.evaluate(ctx, onMissing);
  if (body.replacements.length > 0) {
    const replacements = body.replacements.map((r) => ({
      target: r.target,
      value: r.value.evaluate(ctx, onMissing),
      ...(r.selector === undefined ? {} : { selector: r.selector }),
    }));
    const onMiss = (target: string, reason: string) =>
      onMissing({ expression: `replacement ${target}`, reason });
    const kind = isXmlBody(contentType, value) ? 'xml' : 'json';
    // A target whose selector type does not fit the payload only a run could tell: not applied.
    const fitting = replacements.filter((r) => {
      const problem = r.selector === undefined ? undefined : mismatchProblem(r.selector, kind);
      if (problem !== undefined) onMiss(r.target, problem);
      return problem === undefined;
    });
    if (kind === 'xml')
      value = applyXmlReplacements({ xml: String(value ?? ''), replacements: fitting, onMiss });
    else {
      if (typeof value === 'string' && (contentType === undefined || /json/i.test(contentType))) {
        try {
          value = JSON.parse(value);
        } catch {
          onMiss('', 'the payload string is not JSON, so JSON Pointer targets cannot apply');
        }
      }
      value = applyJsonReplacements({ payload: value, replacements: fitting, onMiss });
    }
  }
  return contentType === undefined ? { value } : { contentType, value };
}
