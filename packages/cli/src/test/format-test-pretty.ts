import type { Colors } from '../shared/colors-for.js';
import { describeFinding, stepProblem, workflowProblem } from './describe-finding.js';
import { countWorkflows, type TestCounts, type TestReport } from './test-report.js';

/**
 * `--format pretty`: per file, a line per workflow (✓ passed, ✗ failed, - skipped) with what failed
 * under it (step, check, pointer, OpenAPI line) and every warning; then a summary table with one
 * row per file and a total: workflows passed, failed, warnings, skipped; steps; time.
 */
export function formatTestPretty(
  report: TestReport,
  options: { readonly colors: Colors; readonly cwd: string },
): string {
  const { colors: c, cwd } = options;
  const out: string[] = [];
  for (const file of report.files) {
    out.push(c.bold(file.file));
    for (const workflow of file.workflows) {
      const mark =
        workflow.status === 'passed' ? c.green('✓') : workflow.status === 'failed' ? c.red('✗') : c.dim('-');
      out.push(
        `  ${mark} ${workflow.workflowId} ${c.dim(`(line ${workflow.line}, ${workflow.durationMs} ms)`)}`,
      );
      let told = false;
      for (const step of workflow.steps) {
        const problem = stepProblem(step, cwd);
        if (problem !== undefined) {
          told = true;
          out.push(`      ${c.red('✗')} ${step.stepId} ${c.dim(`line ${step.line}`)}: ${problem}`);
        }
        for (const finding of step.checks) {
          if (finding.severity === 'error' && problem?.startsWith(finding.respectName) === true) continue;
          const tag = finding.severity === 'error' ? c.red('error') : c.yellow('warn');
          out.push(`      ${tag} ${step.stepId}: ${describeFinding(finding, cwd)}`);
        }
      }
      const problem = workflowProblem(workflow);
      if (!told && problem !== undefined) out.push(`      ${c.dim(problem)}`);
    }
    out.push('');
  }
  const rows = report.files.map((f) => row(f.file, countWorkflows(f.workflows), f.durationMs));
  rows.push(row('total', report.summary, report.summary.durationMs));
  out.push(...table(['file', 'passed', 'failed', 'warnings', 'skipped', 'steps', 'time'], rows, c));
  const { failed } = report.summary.workflows;
  out.push(
    '',
    failed > 0
      ? c.red(`${failed} workflow${failed === 1 ? '' : 's'} failed`)
      : c.green('all workflows passed'),
  );
  return `${out.join('\n')}\n`;
}

function row(name: string, counts: TestCounts, ms: number): string[] {
  const { workflows, steps } = counts;
  const stepsText = `${steps.passed}/${steps.passed + steps.failed + steps.skipped}`;
  return [
    name,
    `${workflows.passed}`,
    `${workflows.failed}`,
    `${counts.warnings}`,
    `${workflows.skipped}`,
    stepsText,
    `${ms} ms`,
  ];
}

function table(head: string[], rows: string[][], c: Colors): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [c.dim(line(head)), ...rows.map((r, i) => (i === rows.length - 1 ? c.bold(line(r)) : line(r)))];
}
