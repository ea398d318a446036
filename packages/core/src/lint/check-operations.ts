import { findStepOperation } from './find-step-operation.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord } from './read-node.js';

/**
 * `operation-unknown` / `operation-ambiguous`: every step's operationId or operationPath must name
 * exactly one operation of the document's OpenAPI sources. Steps whose source could not be loaded
 * are skipped (that is a `source-unresolved` already).
 */
export function checkOperations(context: LintContext): void {
  asArray(context.root.workflows).forEach((workflow, w) => {
    asArray(asRecord(workflow)?.steps).forEach((step, s) => {
      const lookup = findStepOperation(context, step);
      if (lookup.kind !== 'unknown' && lookup.kind !== 'ambiguous') return;
      context.report({
        rule: lookup.rule,
        message: lookup.message,
        pointer: `/workflows/${w}/steps/${s}/${lookup.field}`,
      });
    });
  });
}
