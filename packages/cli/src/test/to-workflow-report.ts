import type { PositionMap, ResponseCheckFailure, RunResult, StepResult } from '@telaio/core';
import type { StepReport, WorkflowReport } from './test-report.js';

/** Where the workflows and steps of one Arazzo file sit, by id. */
export interface ArazzoLines {
  workflow(workflowId: string): { line: number; column: number };
  step(workflowId: string, stepId: string): { line: number; column: number };
}

/** Build ArazzoLines over a document and its positions (0:0 for ids it does not hold). */
export function createArazzoLines(options: {
  readonly workflows: readonly {
    readonly workflowId: string;
    readonly steps?: readonly { readonly stepId: string }[];
  }[];
  readonly positions: PositionMap | undefined;
}): ArazzoLines {
  const at = (pointer: string): { line: number; column: number } => {
    const start = options.positions?.rangeOf(pointer).start;
    return start === undefined ? { line: 0, column: 0 } : { line: start.line, column: start.column };
  };
  const index = (workflowId: string): number =>
    options.workflows.findIndex((w) => w.workflowId === workflowId);
  return {
    workflow(workflowId) {
      const i = index(workflowId);
      return i < 0 ? { line: 0, column: 0 } : at(`/workflows/${i}/workflowId`);
    },
    step(workflowId, stepId) {
      const i = index(workflowId);
      const j = i < 0 ? -1 : (options.workflows[i]?.steps ?? []).findIndex((s) => s.stepId === stepId);
      return j < 0 ? { line: 0, column: 0 } : at(`/workflows/${i}/steps/${j}/stepId`);
    },
  };
}

/** The checks a StepResult carries (the engine's `checks`, when the run had response checks). */
export function checksOf(step: StepResult): readonly ResponseCheckFailure[] {
  return (step as StepResult & { readonly checks?: readonly ResponseCheckFailure[] }).checks ?? [];
}

/** A finished run as a WorkflowReport: passed unless it failed; warnings are `warn` check findings. */
export function toWorkflowReport(options: {
  readonly result: RunResult;
  readonly lines: ArazzoLines;
  readonly startedAt: Date;
  readonly endedAt: Date;
}): WorkflowReport {
  const { result, lines } = options;
  const steps: StepReport[] = result.steps.map((step) => {
    const checks = checksOf(step);
    const ended = result.error?.stepId === step.stepId && step.status === 'failure';
    return {
      stepId: step.stepId,
      workflowId: step.workflowId,
      status: step.status,
      statusCode: step.statusCode ?? null,
      attempts: step.attempts,
      durationMs: Math.round(step.durationMs),
      ...(step.status === 'failure' && step.reason !== undefined ? { reason: step.reason } : {}),
      ...(ended && result.error !== undefined ? { errorCode: result.error.code } : {}),
      ...lines.step(step.workflowId, step.stepId),
      checks,
    };
  });
  const warnings = steps.reduce((n, s) => n + s.checks.filter((c) => c.severity === 'warn').length, 0);
  return {
    workflowId: result.workflowId,
    status: result.status === 'success' ? 'passed' : 'failed',
    startedAt: options.startedAt.toISOString(),
    endedAt: options.endedAt.toISOString(),
    durationMs: Math.round(result.durationMs),
    ...lines.workflow(result.workflowId),
    warnings,
    steps,
    outputs: result.outputs,
    ...(result.error === undefined
      ? {}
      : {
          error: {
            code: result.error.code,
            message: result.error.message,
            stepId: result.error.stepId ?? null,
          },
        }),
  };
}
