import {
  findReplacementProblem,
  replacementKind,
} from '../engine/steps/operation/find-replacement-problem.js';
import { findStepOperation } from './find-step-operation.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';

/**
 * `expression-invalid` at a Payload Replacement Object's `target` that cannot apply to its payload:
 * an XPath that does not parse on an XML payload (the step's contentType, else the operation's
 * first request media type, contains `xml`), or a string that is not a JSON Pointer on a JSON one.
 * A payload whose kind only a run can tell (an expression, no content type) is not checked, nor
 * a target with an Arazzo 1.1 `targetSelectorType` (lint/v11/check-selectors.ts compiles it as that).
 */
export function checkXmlReplacements(context: LintContext): void {
  asArray(context.root.workflows).forEach((item, w) => {
    asArray(asRecord(item)?.steps).forEach((stepItem, s) => {
      const step = asRecord(stepItem);
      const body = asRecord(step?.requestBody);
      const replacements = asArray(body?.replacements);
      if (step === undefined || body === undefined || replacements.length === 0) return;
      let contentType = asString(body.contentType);
      if (contentType === undefined && (step.operationId !== undefined || step.operationPath !== undefined)) {
        const lookup = findStepOperation(context, step);
        if (lookup.kind === 'found')
          contentType = Object.keys(lookup.operation.requestBody?.content ?? {})[0];
      }
      const kind = replacementKind(contentType, body.payload);
      if (kind === undefined) return;
      replacements.forEach((replacement, r) => {
        const target = asString(asRecord(replacement)?.target);
        if (target === undefined || asRecord(replacement)?.targetSelectorType !== undefined) return;
        const problem = findReplacementProblem(kind, target);
        if (problem === undefined) return;
        context.report({
          rule: 'replacement-target-invalid',
          message: `replacement target ${kind === 'xml' ? 'on an XML payload' : 'on a JSON payload'}: ${problem}`,
          pointer: `/workflows/${w}/steps/${s}/requestBody/replacements/${r}/target`,
        });
      });
    });
  });
}
