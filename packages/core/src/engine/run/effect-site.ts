/**
 * Names each effect, sleep and wait of a run for its host's journal: `<workflowId>/<stepId>/<kind>#<n>`,
 * the n-th of that workflow, step and kind in the run. A replay runs the same workflow with the same
 * recorded effects, so it reaches the same sites in the same order and gets the same names (a goto
 * loop or a retry counts up; a nested workflow's steps carry its own workflowId).
 */
import type { EffectSite } from '../../host/host-types.js';
import type { Frame } from './frame.js';

/** The site of the next effect of `kind` at `stepId` (or the workflow's outputs) in `frame`. */
export function effectSite(options: {
  readonly frame: Frame;
  readonly kind: string;
  readonly stepId?: string;
  readonly attempt?: number;
}): EffectSite {
  const { frame, kind, stepId, attempt } = options;
  const { workflowId } = frame.plan;
  const base = `${workflowId}/${stepId ?? ''}/${kind}`;
  // Made at a run's first effect site (a process-host run of message steps names none).
  frame.state.effectCounts ??= new Map();
  const counts = frame.state.effectCounts;
  const n = (counts.get(base) ?? 0) + 1;
  counts.set(base, n);
  return {
    id: `${base}#${n}`,
    workflowId,
    ...(stepId === undefined ? {} : { stepId }),
    ...(attempt === undefined ? {} : { attempt }),
  };
}
