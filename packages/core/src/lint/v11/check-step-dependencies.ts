import { didYouMean } from '../closest-name.js';
import { findWorkflow } from '../find-workflow.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { isArazzo11, reportV11 } from './report-v11.js';

const IN_WORKFLOW = /^\$workflows\.([A-Za-z0-9_-]+)\.steps\.([A-Za-z0-9_-]+)$/;
const IN_SOURCE = /^\$sourceDescriptions\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.steps\.([A-Za-z0-9_-]+)$/;
const FORMS =
  "a stepId of this workflow, '$workflows.<workflowId>.steps.<stepId>' or '$sourceDescriptions.<name>.<workflowId>.steps.<stepId>'";

/**
 * Arazzo 1.1.0 §Step Object `dependsOn`: every entry names an existing step: a stepId of the
 * current workflow, `$workflows.<workflowId>.steps.<stepId>` in this document, or
 * `$sourceDescriptions.<name>.<workflowId>.steps.<stepId>` in an Arazzo source. `step-unknown` for a
 * missing step (or another form), `workflow-unknown` for a missing workflow or source, and
 * `dependency-cycle` for a step that depends on itself. Cycles across steps: check-step-order.ts.
 */
export function checkStepDependencies(context: LintContext): void {
  if (!isArazzo11(context)) return;
  asArray(context.root.workflows).forEach((workflow, w) => {
    const steps = asArray(asRecord(workflow)?.steps);
    steps.forEach((step, s) => {
      const own = asString(asRecord(step)?.stepId);
      asArray(asRecord(step)?.dependsOn).forEach((entry, i) => {
        const ref = asString(entry);
        if (ref === undefined) return;
        const pointer = `/workflows/${w}/steps/${s}/dependsOn/${i}`;
        if (ref === own) {
          reportV11(context, 'step-dependency-cycle', {
            message: `step '${ref}' depends on itself`,
            pointer,
          });
          return;
        }
        const problem = dependencyProblem(context, ref, steps);
        if (problem !== undefined) reportV11(context, problem.rule, { message: problem.message, pointer });
      });
    });
  });
}

type Problem = { rule: 'step-dependency-unknown' | 'step-dependency-workflow-unknown'; message: string };

function dependencyProblem(context: LintContext, ref: string, here: readonly unknown[]): Problem | undefined {
  const unknownStep = (message: string): Problem => ({ rule: 'step-dependency-unknown', message });
  if (!ref.startsWith('$')) {
    const ids = stepIds(here);
    return ids.includes(ref)
      ? undefined
      : unknownStep(`dependsOn '${ref}' names no step of this workflow${didYouMean(ref, ids)}`);
  }
  const local = IN_WORKFLOW.exec(ref);
  const external = IN_SOURCE.exec(ref);
  if (local === null && external === null) return unknownStep(`dependsOn '${ref}' is not ${FORMS}`);
  const workflowRef = local !== null ? local[1]! : `$sourceDescriptions.${external![1]}.${external![2]}`;
  const stepId = local !== null ? local[2]! : external![3]!;
  const lookup = findWorkflow(context, workflowRef);
  if (lookup.kind === 'skipped') return undefined;
  if (lookup.kind === 'unknown')
    return { rule: 'step-dependency-workflow-unknown', message: `dependsOn '${ref}': ${lookup.message}` };
  const ids = stepIds(asArray(lookup.workflow.steps));
  if (ids.includes(stepId)) return undefined;
  return unknownStep(
    `dependsOn '${ref}': workflow '${asString(lookup.workflow.workflowId)}' has no step '${stepId}'${didYouMean(stepId, ids)}`,
  );
}

const stepIds = (steps: readonly unknown[]): string[] =>
  steps.flatMap((s) => asString(asRecord(s)?.stepId) ?? []);
