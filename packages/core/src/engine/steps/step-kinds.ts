/**
 * The registry of step kinds: one module per StepTarget kind. The `satisfies` clause makes the
 * compiler refuse a StepTarget kind without a module (or a module under the wrong name).
 */
import type { StepTarget } from '../plan/plan-types.js';
import { messageStep } from './message/message-step.js';
import { operationStep } from './operation/operation-step.js';
import type { StepKind } from './step-kind.js';
import { workflowStep } from './workflow/workflow-step.js';

/** Step kind modules by kind. */
export const STEP_KINDS = {
  operation: operationStep,
  workflow: workflowStep,
  message: messageStep,
} as const satisfies { readonly [K in StepTarget['kind']]: StepKind<K> };

/** The module of `target`'s kind. */
export function stepKindOf(target: StepTarget): StepKind<StepTarget['kind']> {
  return STEP_KINDS[target.kind] as StepKind<StepTarget['kind']>;
}
