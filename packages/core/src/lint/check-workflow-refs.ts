import { collectActions } from './collect-actions.js';
import { findWorkflow } from './find-workflow.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';

/**
 * `workflow-unknown`: a step's `workflowId`, an action's `workflowId` and every `dependsOn` entry
 * must name a workflow of this document or (`$sourceDescriptions.name.wfId`) of an Arazzo source.
 */
export function checkWorkflowRefs(context: LintContext): void {
  const check = (ref: unknown, pointer: string): void => {
    const id = asString(ref);
    if (id === undefined) return;
    const lookup = findWorkflow(context, id);
    if (lookup.kind === 'unknown') context.report({ rule: lookup.rule, message: lookup.message, pointer });
  };
  for (const [w, workflow] of asArray(context.root.workflows).entries()) {
    const node = asRecord(workflow);
    for (const [d, ref] of asArray(node?.dependsOn).entries()) check(ref, `/workflows/${w}/dependsOn/${d}`);
    for (const [s, step] of asArray(node?.steps).entries()) {
      check(asRecord(step)?.workflowId, `/workflows/${w}/steps/${s}/workflowId`);
    }
  }
  for (const site of collectActions(context)) {
    // A component reached through a reference is checked once, at the component itself.
    if (site.reference === undefined) check(site.action.workflowId, `${site.pointer}/workflowId`);
  }
}
