/**
 * The lookup behind `RunOptions.completed`: workflows that ran before this run (an earlier `run()`
 * of one test session), found by the workflow a `dependsOn` names.
 */
import type { CompletedWorkflow } from '../engine-types.js';
import type { DocumentPlan, WorkflowRef } from '../plan/plan-types.js';

/** The finder when nothing completed before the run (shared: no closure per run). */
const NONE_COMPLETED = (): undefined => undefined;

/**
 * A finder over `completed`: a reference matches the key `<document uri>#<workflowId>`, or the bare
 * workflowId when the workflow is in `root` (the document run() was given). No map: finds nothing.
 */
export function findCompleted(options: {
  readonly completed: ReadonlyMap<string, CompletedWorkflow> | undefined;
  readonly root: DocumentPlan;
}): (ref: WorkflowRef) => CompletedWorkflow | undefined {
  const { completed, root } = options;
  if (completed === undefined || completed.size === 0) return NONE_COMPLETED;
  return (ref) =>
    completed.get(`${ref.doc.uri}#${ref.workflowId}`) ??
    (ref.doc === root ? completed.get(ref.workflowId) : undefined);
}
