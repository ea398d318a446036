/** What a step execution tells its workflow to do next. */
import type { WorkflowRef } from '../plan/plan-types.js';
import type { RunError } from '../types.js';

/** Control flow after one step execution (Success/Failure Action Objects, or the defaults). */
export type StepOutcome =
  /** Default after success: "the next sequential step shall be executed". */
  | { readonly kind: 'next' }
  /** An `end` action: success for onSuccess, failure (with `error`) for onFailure. */
  | { readonly kind: 'end'; readonly error?: RunError }
  | { readonly kind: 'goto-step'; readonly stepId: string }
  /** `inputs`: the action's 1.1 parameters, evaluated; absent: the workflow is fed from this one's inputs. */
  | {
      readonly kind: 'goto-workflow';
      readonly workflow: WorkflowRef;
      readonly inputs?: Record<string, unknown>;
    }
  /** No failure action matched ("the default behavior is to break and return"), or the run cannot go on. */
  | { readonly kind: 'fail'; readonly error: RunError };
