import { replacementKind } from '../../engine/steps/operation/find-replacement-problem.js';
import {
  mismatchProblem,
  readTargetSelectorType,
} from '../../engine/steps/operation/replacement-selector.js';
import { parseExpression } from '../../expressions/parse-expression.js';
import { findReferenceProblem } from '../find-reference-problem.js';
import { findStepOperation } from '../find-step-operation.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { collectSelectors } from './collect-selectors.js';
import { compileSelector } from './compile-selector.js';
import { isArazzo11, reportV11 } from './report-v11.js';

const UNREAD = /\/outputs\/[^/]+$|\/(?:onSuccess|onFailure|successActions|failureActions)\/\d+\/parameters\//;

/**
 * Arazzo 1.1.0 §Selector Object and §Payload Replacement Object: every Selector Object's `context`
 * must be a runtime expression (`expression-invalid`) and its `selector` must compile as its `type`
 * (and version) says (`selector-invalid`); so must a replacement `target` whose `targetSelectorType`
 * is given, and that type must fit the payload (`replacement-selector-mismatch`: XPath selects in
 * XML, JSONPath and JSON Pointer in JSON). Each finding points at the offending scalar.
 */
export function checkSelectors(context: LintContext): void {
  if (!isArazzo11(context)) return;
  for (const { pointer, selector, scope } of collectSelectors(context)) {
    // Contexts inside parameter values and payloads are runtime expressions lint's expression rule
    // already reads; those in outputs and action parameters are read here.
    if (UNREAD.test(pointer)) {
      const parsed = parseExpression(selector.context);
      if (!parsed.ok)
        reportV11(context, 'selector-context-invalid', {
          message: `selector context '${selector.context}' is not a runtime expression: ${parsed.error.message}`,
          pointer: `${pointer}/context`,
        });
      else {
        const problem = findReferenceProblem(context, parsed.value, scope);
        if (problem !== undefined)
          context.report({ rule: problem.rule, message: problem.message, pointer: `${pointer}/context` });
      }
    }
    const problem = compileSelector(context, selector.selector, selector.type);
    if (problem !== undefined)
      reportV11(context, 'selector-invalid', { message: problem, pointer: `${pointer}/selector` });
  }
  asArray(context.root.workflows).forEach((workflow, w) => {
    asArray(asRecord(workflow)?.steps).forEach((item, s) => {
      const step = asRecord(item);
      const body = asRecord(step?.requestBody);
      const replacements = asArray(body?.replacements);
      if (step === undefined || body === undefined || replacements.length === 0) return;
      const kind = payloadKind(context, step, body);
      replacements.forEach((item, i) => {
        const replacement = asRecord(item);
        const target = asString(replacement?.target);
        const type = replacement?.targetSelectorType;
        if (target === undefined || type === undefined) return;
        const pointer = `/workflows/${w}/steps/${s}/requestBody/replacements/${i}`;
        const selector = readTargetSelectorType(type);
        const mismatch =
          selector === undefined || 'problem' in selector || kind === undefined
            ? undefined
            : mismatchProblem(selector, kind);
        if (mismatch !== undefined) {
          reportV11(context, 'replacement-selector-mismatch', {
            message: `replacement target '${target}': ${mismatch}`,
            pointer: `${pointer}/targetSelectorType`,
          });
          return;
        }
        const problem = compileSelector(context, target, type);
        if (problem !== undefined)
          reportV11(context, 'selector-invalid', {
            message: problem.replace(/^selector/, 'replacement target'),
            pointer: `${pointer}/target`,
          });
      });
    });
  });
}

/** The kind of a step's payload as far as the document tells (contentType, else the operation's, else the payload). */
function payloadKind(
  context: LintContext,
  step: Record<string, unknown>,
  body: Record<string, unknown>,
): 'json' | 'xml' | undefined {
  let contentType = asString(body.contentType);
  if (contentType === undefined && (step.operationId !== undefined || step.operationPath !== undefined)) {
    const lookup = findStepOperation(context, step);
    if (lookup.kind === 'found') contentType = Object.keys(lookup.operation.requestBody?.content ?? {})[0];
  }
  return replacementKind(contentType, body.payload);
}
