import type { RunStatus, RunStepRecord } from '@telaio/dbos';
import type { Masker } from '../mask/create-masker.js';
import type { Colors } from '../shared/colors-for.js';

/** One checkpointed step as a line: `createTotp  send  200`, `sleep until 2026-...`. */
export function formatStepLine(step: RunStepRecord, colors: Colors): string {
  if (step.kind === 'sleep') return `${colors.dim('sleep')} until ${step.until ?? '?'}`;
  if (step.kind === 'wait') return `${colors.dim('wait')}  value received`;
  const where = step.stepId === undefined ? '' : `${step.workflowId}/${step.stepId}  `;
  const outcome =
    step.statusCode !== undefined
      ? (step.statusCode < 400 ? colors.green : colors.red)(String(step.statusCode))
      : step.errorCode !== undefined
        ? colors.red(step.errorCode)
        : '';
  return `${where}${step.kind}${outcome === '' ? '' : `  ${outcome}`}`;
}

/**
 * `telaio status` as JSON: the status with every checkpoint's value left out (they hold responses,
 * tokens and TOTP codes) unless `masker.reveal`, and the result's inputs and outputs masked.
 */
export function statusAsJson(status: RunStatus, masker: Masker): unknown {
  learnSecretInputs(status, masker);
  const steps = status.steps.map((step) => {
    if (masker.reveal || step.value === undefined) return step;
    const { value: _value, ...rest } = step;
    return rest;
  });
  return masker.value({ ...status, steps });
}

/** `telaio status` for people: state, workflow, worker, what it waits for, steps so far, outputs. */
export function formatRunStatus(status: RunStatus, masker: Masker, colors: Colors): string {
  learnSecretInputs(status, masker);
  const state =
    status.state === 'success'
      ? colors.green(status.state)
      : ['failure', 'error', 'cancelled'].includes(status.state)
        ? colors.red(status.state)
        : colors.yellow(status.state);
  const lines = [`run ${status.runId}  ${state}`];
  if (status.workflowId !== undefined)
    lines.push(`  workflow   ${status.workflowId} (${status.document ?? '?'})`);
  if (status.scheduleName !== undefined) lines.push(`  schedule   ${status.scheduleName}`);
  if (status.executorId !== undefined) lines.push(`  worker     ${status.executorId}`);
  if (status.createdAt !== undefined) lines.push(`  submitted  ${status.createdAt}`);
  if (status.waitingFor !== undefined)
    lines.push(
      `  ${colors.yellow('waiting')} for ${status.waitingFor}: telaio resolve ${status.runId} ${status.waitingFor}=VALUE`,
    );
  lines.push(`  steps so far (${status.steps.length}):`);
  for (const step of status.steps) {
    lines.push(`    ${formatStepLine(step, colors)}`);
    if (masker.reveal && step.value !== undefined) lines.push(`      ${JSON.stringify(step.value)}`);
  }
  const result = status.result === undefined ? undefined : masker.value(status.result);
  if (result !== undefined) {
    lines.push(`  outputs    ${JSON.stringify(result.outputs)}`);
    if (result.error !== undefined)
      lines.push(
        `  ${colors.red('error')}      ${result.error.code}${result.error.stepId === undefined ? '' : ` at ${result.error.stepId}`}: ${result.error.message}`,
      );
  }
  if (status.error !== undefined) lines.push(`  ${colors.red('error')}      ${status.error}`);
  return `${masker.text(lines.join('\n'))}\n`;
}

/** Teaches the masker the values of the run's secret inputs (TOTP codes given with resolve). */
export function learnSecretInputs(status: RunStatus, masker: Masker): void {
  for (const name of status.secretInputs) {
    const value = status.result?.inputs[name];
    if (value !== undefined) masker.add(value);
  }
}
