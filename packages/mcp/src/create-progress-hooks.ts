import type { EngineHooks, StepResult } from '@telaio/core';

/** One progress notification's parameters (progress always grows). */
export interface ProgressUpdate {
  readonly progress: number;
  readonly total?: number;
  readonly message: string;
}

/**
 * Hooks that report each step's start and end as MCP progress: `progress` counts those events,
 * `total` is twice the workflow's step count while no step repeats (goto, retries and nested
 * workflows may go past it, then no total is given). Messages name the step, never a value.
 */
export function createProgressHooks(options: {
  readonly stepCount: number;
  readonly send: (update: ProgressUpdate) => void;
}): EngineHooks {
  let progress = 0;
  const expected = options.stepCount * 2;
  const emit = (message: string): void => {
    progress += 1;
    options.send({ progress, ...(progress <= expected ? { total: expected } : {}), message });
  };
  const where = (e: { workflowId: string; depth: number }, stepId: string): string =>
    e.depth === 0 ? `step ${stepId}` : `step ${stepId} of ${e.workflowId}`;
  return {
    onStepStart: (e) =>
      emit(`${where(e, e.stepId)}: started${e.attempt > 1 ? ` (attempt ${e.attempt})` : ''}`),
    onStepEnd: (e) => emit(`${where(e, e.result.stepId)}: ${describe(e.result)}`),
  };
}

function describe(result: StepResult): string {
  const code = result.statusCode === undefined ? '' : ` (HTTP ${result.statusCode})`;
  return `${result.status}${code}`;
}
