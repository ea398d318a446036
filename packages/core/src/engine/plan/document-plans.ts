/** The plan behind each loaded WorkflowDocument, kept out of the public handle. */
import type { WorkflowDocument } from '../engine-types.js';
import type { DocumentPlan } from './plan-types.js';

const plans = new WeakMap<WorkflowDocument, DocumentPlan>();

/** Remember the plan of a document handle. */
export function attachPlan(options: { document: WorkflowDocument; plan: DocumentPlan }): void {
  plans.set(options.document, options.plan);
}

/** The plan of a handle returned by `engine.load`, or undefined for anything else. */
export function planOf(options: { document: WorkflowDocument }): DocumentPlan | undefined {
  return plans.get(options.document);
}
