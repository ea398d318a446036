import type { ResponseCheckFailure } from '@telaio/core';
import { displayPath } from '../formatters/display-path.js';
import type { StepReport, WorkflowReport } from './test-report.js';

/** `pets.openapi.yaml:42:11`: where in the OpenAPI description a finding comes from, or '' when unknown. */
export function findingPlace(finding: ResponseCheckFailure, cwd: string): string {
  const at = finding.location;
  return at === undefined ? '' : `${displayPath(at.uri, cwd)}:${at.line}:${at.column}`;
}

/**
 * One line for a failed check: `SCHEMA_CHECK (schema) /id must be integer (got string) [keyword type, pets.openapi.yaml:42:11]`.
 */
export function describeFinding(finding: ResponseCheckFailure, cwd: string): string {
  const place = findingPlace(finding, cwd);
  const where = [finding.keyword === undefined ? '' : `keyword ${finding.keyword}`, place].filter(
    (s) => s !== '',
  );
  return `${finding.respectName} (${finding.check}) ${finding.message}${where.length === 0 ? '' : ` [${where.join(', ')}]`}`;
}

/** What went wrong in a step, in one line: its first error check, else its reason; undefined when it passed. */
export function stepProblem(step: StepReport, cwd: string): string | undefined {
  const error = step.checks.find((c) => c.severity === 'error');
  if (step.status !== 'failure') return undefined;
  if (step.errorCode === 'response-check-failed' && error !== undefined) return describeFinding(error, cwd);
  return step.reason ?? step.errorCode ?? 'failed';
}

/** What went wrong in a workflow that failed with no failed step of its own (an input, a dependency). */
export function workflowProblem(workflow: WorkflowReport): string | undefined {
  if (workflow.status === 'skipped') return `skipped: ${workflow.skippedBecause ?? ''}`;
  if (workflow.status !== 'failed') return undefined;
  return workflow.error === undefined ? 'failed' : `${workflow.error.code}: ${workflow.error.message}`;
}
