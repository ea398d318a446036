import { describeFinding, stepProblem, workflowProblem } from './describe-finding.js';
import type { TestReport } from './test-report.js';

/**
 * `--format github`: GitHub Actions workflow commands, one `::error` or `::warning` per failed step
 * and per check finding, placed on the step's line of the Arazzo file (so a pull request shows it
 * there), then a `::notice` with the totals. Pure; mask the report first.
 */
export function formatTestGithub(report: TestReport, options: { readonly cwd: string }): string {
  const { cwd } = options;
  const lines: string[] = [];
  const command = (
    kind: string,
    file: string,
    line: number,
    column: number,
    title: string,
    message: string,
  ) =>
    `::${kind} file=${prop(file)},line=${Math.max(1, line)},col=${Math.max(1, column)},title=${prop(title)}::${data(message)}`;
  for (const file of report.files) {
    for (const workflow of file.workflows) {
      let told = false;
      for (const step of workflow.steps) {
        const problem = stepProblem(step, cwd);
        if (problem !== undefined) {
          told = true;
          lines.push(
            command(
              'error',
              file.file,
              step.line,
              step.column,
              `${workflow.workflowId} › ${step.stepId}`,
              problem,
            ),
          );
        }
        for (const finding of step.checks) {
          if (finding.severity === 'error' && problem?.startsWith(finding.respectName) === true) continue;
          const kind = finding.severity === 'error' ? 'error' : 'warning';
          lines.push(
            command(
              kind,
              file.file,
              step.line,
              step.column,
              `${finding.respectName} ${step.stepId}`,
              describeFinding(finding, cwd),
            ),
          );
        }
      }
      const problem = workflowProblem(workflow);
      if (!told && workflow.status === 'failed' && problem !== undefined)
        lines.push(command('error', file.file, workflow.line, workflow.column, workflow.workflowId, problem));
    }
  }
  const { workflows, warnings } = report.summary;
  lines.push(
    `::notice title=telaio test::${data(`${workflows.passed} passed, ${workflows.failed} failed, ${warnings} warnings, ${workflows.skipped} skipped`)}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Workflow command data: `%`, CR and LF escaped. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property: also `:` and `,` escaped. */
function prop(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
