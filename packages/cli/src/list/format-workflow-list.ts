import type { Colors } from '../shared/colors-for.js';
import type { WorkflowListing } from './describe-workflows.js';

/**
 * A description on one line, so that the columns hold: its first non-empty line, with ` …` when
 * there was more (`telaio list --format json` keeps the whole text).
 */
export function oneLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.length > 1 ? `${lines[0]} …` : (lines[0] ?? '');
}

/** `telaio list` as text: each workflow, its summary, inputs table, outputs and steps. Pure. */
export function formatWorkflowList(options: {
  readonly file: string;
  readonly title?: string;
  readonly workflows: readonly WorkflowListing[];
  readonly colors: Colors;
}): string {
  const c = options.colors;
  const lines = [
    `${c.bold(options.file)}${options.title === undefined ? '' : `  ${c.dim(oneLine(options.title))}`}`,
  ];
  for (const workflow of options.workflows) {
    lines.push(
      '',
      `${c.cyan('▶')} ${c.bold(workflow.workflowId)}${workflow.summary === undefined ? '' : `  ${oneLine(workflow.summary)}`}`,
    );
    if (workflow.inputs.length === 0) lines.push(`    inputs: ${c.dim('none')}`);
    else {
      lines.push('    inputs:');
      const nameWidth = Math.max(...workflow.inputs.map((i) => i.name.length));
      const typeWidth = Math.max(...workflow.inputs.map((i) => i.type.length));
      for (const input of workflow.inputs) {
        const required = input.required ? c.yellow('required') : c.dim('optional');
        const about = input.description === undefined ? '' : `  ${c.dim(oneLine(input.description))}`;
        lines.push(
          `      ${input.name.padEnd(nameWidth)}  ${input.type.padEnd(typeWidth)}  ${required}${about}`,
        );
      }
    }
    if (workflow.outputs.length === 0) lines.push(`    outputs: ${c.dim('none')}`);
    else {
      lines.push('    outputs:');
      const width = Math.max(...workflow.outputs.map((o) => o.name.length));
      for (const output of workflow.outputs)
        lines.push(`      ${output.name.padEnd(width)}  ${c.dim(output.value)}`);
    }
    lines.push(`    steps: ${workflow.steps.join(' → ')}`);
  }
  return `${lines.join('\n')}\n`;
}
