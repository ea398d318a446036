import type { HtmlReport, HtmlRun, HtmlSuiteWorkflow } from '../report/html-types.js';
import { countWorkflows, type TestReport } from './test-report.js';

/**
 * The page of `telaio test --report html FILE`: the runs the collector recorded, put in the order of
 * the summary (file by file, workflows in document order; dependencies that ran in parallel keep
 * that order too), and the summary itself: every file and workflow tested, ran or skipped, with its
 * counts and duration and a link to its run's section. Pure; masked afterwards like every report.
 */
export function toHtmlTestReport(options: {
  readonly report: TestReport;
  readonly recorded: HtmlReport;
}): HtmlReport {
  const { report, recorded } = options;
  const left = [...recorded.runs];
  const runs: HtmlRun[] = [];
  const files = report.files.map((file) => ({
    file: file.file,
    durationMs: file.durationMs,
    workflows: file.workflows.map((workflow): HtmlSuiteWorkflow => {
      const at = left.findIndex((r) => r.file === file.file && r.workflowId === workflow.workflowId);
      const run = at < 0 ? undefined : left.splice(at, 1)[0];
      if (run !== undefined) runs.push(run);
      const own = countWorkflows([workflow]).steps;
      return {
        workflowId: workflow.workflowId,
        status: workflow.status,
        durationMs: workflow.durationMs,
        steps: own,
        warnings: workflow.warnings,
        ...(workflow.skippedBecause === undefined ? {} : { skippedBecause: workflow.skippedBecause }),
        ...(workflow.error === undefined
          ? {}
          : {
              error: {
                code: workflow.error.code,
                ...(workflow.error.stepId === null ? {} : { stepId: workflow.error.stepId }),
              },
            }),
        ...(run === undefined ? {} : { run: runs.length - 1 }),
      };
    }),
  }));
  runs.push(...left);
  const { summary } = report;
  const count = files.reduce((n, f) => n + f.workflows.length, 0);
  return {
    title: `telaio test: ${count} workflow${count === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`,
    createdAt: recorded.createdAt,
    runs,
    suite: {
      files,
      workflows: summary.workflows,
      steps: summary.steps,
      warnings: summary.warnings,
      durationMs: summary.durationMs,
    },
  };
}
