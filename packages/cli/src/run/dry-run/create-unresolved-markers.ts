import type { EngineHooks } from '@telaio/core';

/** One value a dry run could not resolve: where, which expression, and why. */
export interface UnresolvedValue {
  /** The step whose request (or outputs) needed it; absent for a workflow's outputs. */
  readonly stepId?: string;
  readonly workflowId: string;
  readonly expression: string;
  readonly reason: string;
}

/** The markers of a dry run: the engine's stand-in for missing values, and what they stood for. */
export interface UnresolvedMarkers {
  /** Pass to the engine as `missingValue`: returns the marker shown in place of the value. */
  readonly missingValue: (
    info: Omit<UnresolvedValue, 'workflowId'> & { readonly workflowId?: string },
  ) => string;
  /** Merge into the run's hooks: they count the markers of each step execution. */
  readonly hooks: EngineHooks;
  /** How many markers the step execution that just ended used (read in onStepEnd). */
  countOf(stepId: string): number;
  /** Every value not resolved, in order. */
  readonly all: UnresolvedValue[];
  /** Records a gap shown as a marker by the dry-run transport itself (a base URL). */
  record(gap: { readonly stepId: string; readonly expression: string; readonly reason: string }): void;
}

/** `<unresolved $response.body#/code: the response declares no body>`: visible, and naming the gap. */
export function unresolvedMarker(expression: string, reason: string): string {
  return `<unresolved ${expression}: ${reason}>`;
}

/**
 * A dry run answers with placeholders, so some expressions reach nothing (a field the response
 * shape lacks, a response with no declared body). Instead of dropping those values from the printed
 * request, the engine puts a marker in their place, encoded exactly as a real value would be; this
 * keeps the list for the summary and a count per step execution for its progress line.
 */
export function createUnresolvedMarkers(): UnresolvedMarkers {
  const all: UnresolvedValue[] = [];
  /** The expressions each step's current execution could not resolve (each counted once). */
  const perStep = new Map<string, Set<string>>();
  const note = (value: UnresolvedValue): void => {
    if (value.stepId !== undefined) {
      const seen = perStep.get(value.stepId) ?? new Set<string>();
      perStep.set(value.stepId, seen);
      if (seen.has(value.expression)) return;
      seen.add(value.expression);
    } else if (all.some((u) => u.stepId === undefined && u.expression === value.expression)) return;
    all.push(value);
  };
  return {
    all,
    missingValue(info) {
      note({
        ...(info.stepId === undefined ? {} : { stepId: info.stepId }),
        workflowId: info.workflowId ?? '',
        expression: info.expression,
        reason: info.reason,
      });
      return unresolvedMarker(info.expression, info.reason);
    },
    record: (gap) => note({ ...gap, workflowId: '' }),
    hooks: {
      onStepStart: (e) => {
        perStep.set(e.stepId, new Set());
      },
    },
    countOf: (stepId) => perStep.get(stepId)?.size ?? 0,
  };
}
