import { describeFinding, stepProblem, workflowProblem } from './describe-finding.js';
import type { StepReport, TestReport, WorkflowReport } from './test-report.js';

/**
 * `--format junit`: one `<testsuite>` per workflow (`file › workflowId`, its start time), one
 * `<testcase>` per execution of its own steps (`#2` when reached again), a `<failure>` whose message
 * names the check (or the reason) and the lines (Arazzo step, OpenAPI schema), warnings in
 * `<system-out>`, skipped steps and skipped workflows as `<skipped>`. Pure; mask the report first.
 */
export function formatTestJunit(report: TestReport, options: { readonly cwd: string }): string {
  const suites = report.files.flatMap((file) => file.workflows.map((w) => suite(file.file, w, options.cwd)));
  const { workflows, steps } = report.summary;
  const tests = steps.passed + steps.failed + steps.skipped + workflows.skipped;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="telaio test" tests="${tests}" failures="${workflows.failed}" errors="0" skipped="${steps.skipped + workflows.skipped}" time="${seconds(report.summary.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function suite(file: string, workflow: WorkflowReport, cwd: string): string {
  const name = `${file} › ${workflow.workflowId}`;
  const own = workflow.steps.filter((s) => s.workflowId === workflow.workflowId);
  const seen = new Map<string, number>();
  const cases = own.map((step) => {
    const count = (seen.get(step.stepId) ?? 0) + 1;
    seen.set(step.stepId, count);
    return testcase(file, workflow, step, count, cwd);
  });
  const problem = workflowProblem(workflow);
  if (workflow.status === 'skipped')
    cases.push(
      `    <testcase classname="${attr(`${file}.${workflow.workflowId}`)}" name="workflow" time="0">\n      <skipped message="${attr(problem ?? '')}"/>\n    </testcase>`,
    );
  else if (workflow.status === 'failed' && !own.some((s) => s.status === 'failure')) {
    const code = workflow.error?.code ?? 'workflow-failed';
    cases.push(
      `    <testcase classname="${attr(`${file}.${workflow.workflowId}`)}" name="workflow" time="0">\n      <failure type="${attr(code)}" message="${attr(problem ?? '')}">${text(`${file}:${workflow.line}: ${problem ?? ''}`)}</failure>\n    </testcase>`,
    );
  }
  const failures = cases.filter((c) => c.includes('<failure')).length;
  const skipped = cases.filter((c) => c.includes('<skipped')).length;
  const stamp =
    workflow.startedAt === undefined ? '' : ` timestamp="${workflow.startedAt.replace(/\.\d+Z$/, '')}"`;
  return [
    `  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(workflow.durationMs)}"${stamp} file="${attr(file)}">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

function testcase(
  file: string,
  workflow: WorkflowReport,
  step: StepReport,
  count: number,
  cwd: string,
): string {
  const name = count === 1 ? step.stepId : `${step.stepId}#${count}`;
  const open = `    <testcase classname="${attr(`${file}.${workflow.workflowId}`)}" name="${attr(name)}" time="${seconds(step.durationMs)}" file="${attr(file)}" line="${step.line}">`;
  const body: string[] = [];
  const problem = stepProblem(step, cwd);
  if (problem !== undefined) {
    const type = step.errorCode ?? 'step-failed';
    const details = [
      `${file}:${step.line}:${step.column} step ${step.stepId}: ${problem}`,
      ...step.checks.map((c) => `${c.severity}: ${describeFinding(c, cwd)}`),
    ];
    body.push(
      `      <failure type="${attr(type)}" message="${attr(problem)}">${text(details.join('\n'))}</failure>`,
    );
  } else if (step.status === 'skipped') body.push('      <skipped message="not reached"/>');
  const warnings = step.checks.filter((c) => c.severity === 'warn');
  if (warnings.length > 0 && problem === undefined)
    body.push(
      `      <system-out>${text(warnings.map((c) => `warning: ${describeFinding(c, cwd)}`).join('\n'))}</system-out>`,
    );
  return body.length === 0 ? `${open.slice(0, -1)}/>` : [open, ...body, '    </testcase>'].join('\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

function text(value: string): string {
  // XML 1.0 forbids most control characters even escaped: drop them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those characters.
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
