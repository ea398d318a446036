import type { RunResult } from '@telaio/core';
import type { UnresolvedValue } from '../run/dry-run/create-unresolved-markers.js';
import type { Colors } from '../shared/colors-for.js';

/** What a dry run adds to the summary: how many requests were resolved (not sent) and the gaps. */
export interface DryRunSummary {
  readonly requests: number;
  /** Messages AsyncAPI send steps would have sent. */
  readonly messages?: number;
  readonly unresolved: readonly UnresolvedValue[];
}

/**
 * The human summary printed after a run: success or failure (with the error and the step), the
 * time, and the workflow's outputs one per line. A dry run has its own outcome instead of
 * "succeeded": complete, or complete with N unresolved values (listed). Pure; mask the result first.
 */
export function formatPrettyReport(
  result: RunResult,
  options: { readonly colors: Colors; readonly dryRun?: DryRunSummary },
): string {
  const c = options.colors;
  const executions = result.steps.filter((step) => step.status !== 'skipped').length;
  const skipped = result.steps.length - executions;
  const took = `${(result.durationMs / 1000).toFixed(2)} s, ${executions} step${executions === 1 ? '' : 's'}${skipped > 0 ? `, ${skipped} skipped` : ''}`;
  const lines: string[] = [];
  const dry = options.dryRun;
  const prefix = dry === undefined ? '' : 'dry run: ';
  if (dry !== undefined && result.status === 'success') {
    const gaps = dry.unresolved.length;
    const messages =
      dry.messages === undefined || dry.messages === 0
        ? ''
        : ` and ${dry.messages} message${dry.messages === 1 ? '' : 's'}`;
    const sent = `${dry.requests} request${dry.requests === 1 ? '' : 's'}${messages} resolved, none sent`;
    if (gaps === 0)
      lines.push(
        `${c.green('✓')} ${prefix}${c.bold(result.workflowId)} complete: ${sent} ${c.dim(`(${took})`)}`,
      );
    else {
      lines.push(
        `${c.yellow('!')} ${prefix}${c.bold(result.workflowId)} complete with ${gaps} unresolved value${gaps === 1 ? '' : 's'}: ${sent} ${c.dim(`(${took})`)}`,
      );
      for (const u of dry.unresolved)
        lines.push(
          `  ${c.yellow('?')} ${u.stepId === undefined ? 'outputs' : u.stepId}  ${u.expression}: ${u.reason}`,
        );
    }
  } else if (result.status === 'success') {
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
