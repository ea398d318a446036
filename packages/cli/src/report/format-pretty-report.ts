import type { RunResult } from '@telaio/core';
import type { Colors } from '../shared/colors-for.js';

/**
 * The human summary printed after a run: success or failure (with the error and the step), the
 * time, and the workflow's outputs one per line. Pure; mask the result before calling it.
 */
export function formatPrettyReport(
  result: RunResult,
  options: { readonly colors: Colors; readonly dryRun?: boolean },
): string {
  const c = options.colors;
  const executions = result.steps.filter((step) => step.status !== 'skipped').length;
  const skipped = result.steps.length - executions;
  const took = `${(result.durationMs / 1000).toFixed(2)} s, ${executions} step${executions === 1 ? '' : 's'}${skipped > 0 ? `, ${skipped} skipped` : ''}`;
  const lines: string[] = [];
  const prefix = options.dryRun === true ? 'dry run: ' : '';
  if (result.status === 'success') {
    lines.push(`${c.green('✓')} ${prefix}${c.bold(result.workflowId)} succeeded ${c.dim(`(${took})`)}`);
  } else {
    const error = result.error;
    const where = error?.stepId === undefined ? '' : ` at step ${c.bold(error.stepId)}`;
    lines.push(`${c.red('✗')} ${prefix}${c.bold(result.workflowId)} failed${where} ${c.dim(`(${took})`)}`);
    if (error !== undefined) lines.push(`  ${c.red(error.code)}: ${error.message}`);
  }
  const outputs = Object.entries(result.outputs);
  if (outputs.length > 0) {
    lines.push(c.bold('Outputs:'));
    const width = Math.max(...outputs.map(([name]) => name.length));
    for (const [name, value] of outputs) lines.push(`  ${name.padEnd(width)}  ${show(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
