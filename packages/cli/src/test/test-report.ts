/**
 * What `telaio test` found, as plain data: every format (pretty table, json, junit, sarif, github)
 * is a pure function of this object, which is masked before any of them sees it.
 */
import type { CheckSeverity, ResponseCheckCode, ResponseCheckFailure } from '@telaio/core';

/** A step execution of a tested workflow. */
export interface StepReport {
  readonly stepId: string;
  /** The workflow the step belongs to (a dependency's or a nested workflow's steps appear too). */
  readonly workflowId: string;
  readonly status: 'success' | 'failure' | 'skipped';
  readonly statusCode: number | null;
  readonly attempts: number;
  readonly durationMs: number;
  /** Failed steps: why, in words. */
  readonly reason?: string;
  /** The run error's code when this step ended the workflow (`criteria-failed`, `response-check-failed`...). */
  readonly errorCode?: string;
  /** 1-based line and column of the step in the Arazzo file (0 when unknown). */
  readonly line: number;
  readonly column: number;
  /** Failed response checks of the step's last attempt (errors and warnings). */
  readonly checks: readonly ResponseCheckFailure[];
}

/** One workflow of one file. */
export interface WorkflowReport {
  readonly workflowId: string;
  /** `passed` (warnings allowed), `failed`, or `skipped` (--skip, or a dependency failed). */
  readonly status: 'passed' | 'failed' | 'skipped';
  /** Skipped: why. */
  readonly skippedBecause?: string;
  /** ISO 8601 start and end (absent for skipped workflows). */
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly durationMs: number;
  /** Line and column of the workflow in the Arazzo file. */
  readonly line: number;
  readonly column: number;
  /** Check findings of severity `warn` across its steps. */
  readonly warnings: number;
  readonly steps: readonly StepReport[];
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly error?: { readonly code: string; readonly message: string; readonly stepId: string | null };
}

/** One Arazzo file. */
export interface FileReport {
  /** The path as shown (relative to the working directory when under it). */
  readonly file: string;
  /** Absolute path. */
  readonly uri: string;
  readonly workflows: readonly WorkflowReport[];
  readonly durationMs: number;
}

/** Counts over a set of workflows. */
export interface TestCounts {
  readonly workflows: { readonly passed: number; readonly failed: number; readonly skipped: number };
  readonly warnings: number;
  readonly steps: { readonly passed: number; readonly failed: number; readonly skipped: number };
}

/** The whole `telaio test` result. */
export interface TestReport {
  readonly files: readonly FileReport[];
  /** Severity in force per check; null with --no-checks. */
  readonly severities: Readonly<Record<ResponseCheckCode, CheckSeverity>> | null;
  readonly summary: TestCounts & { readonly files: number; readonly durationMs: number };
}

/** Counts of `workflows` (steps of the tested workflows themselves, not of their dependencies). */
export function countWorkflows(workflows: readonly WorkflowReport[]): TestCounts {
  const steps = { passed: 0, failed: 0, skipped: 0 };
  const flows = { passed: 0, failed: 0, skipped: 0 };
  let warnings = 0;
  for (const workflow of workflows) {
    flows[workflow.status]++;
    warnings += workflow.warnings;
    for (const step of workflow.steps) {
      if (step.workflowId !== workflow.workflowId) continue;
      steps[step.status === 'success' ? 'passed' : step.status === 'failure' ? 'failed' : 'skipped']++;
    }
  }
  return { workflows: flows, warnings, steps };
}
