import { type PositionMap, type RunResult, readDeclaredInputs } from '@telaio/core';
import type { Masker } from '../mask/create-masker.js';
import { createSecretHooks } from '../mask/create-secret-hooks.js';
import type { HtmlRunCollector } from '../report/html-collect-runs.js';
import { buildInputProviders } from '../run/build-input-providers.js';
import type { CliEngine, LoadedDocument } from '../run/engine-api.js';
import type { Colors } from '../shared/colors-for.js';
import { colorsFor } from '../shared/colors-for.js';
import { mergeHooks } from '../shared/merge-hooks.js';
import { inputsForWorkflow } from './inputs-for-workflow.js';
import { runScheduled, type Semaphore } from './run-scheduled.js';
import type { FileReport, WorkflowReport } from './test-report.js';
import type { TestOptions } from './to-test-options.js';
import { createArazzoLines, toWorkflowReport } from './to-workflow-report.js';

/**
 * Run the selected workflows of one document: `--workflow` (all when absent) minus `--skip`,
 * each after the workflows it `dependsOn` in this document (a failed one skips it), at most as many
 * at once as the shared `jobs` semaphore allows. A dependency that ran here is handed to its
 * dependants' runs (`completed`), so it is sent once and `$workflows.<id>` reads that run's outputs.
 * Results come back in document order.
 */
export async function runTestFile(options: {
  readonly engine: CliEngine;
  readonly document: LoadedDocument;
  readonly file: string;
  readonly positions: PositionMap | undefined;
  readonly options: TestOptions;
  readonly fileInputs: Readonly<Record<string, unknown>>;
  readonly masker: Masker;
  readonly signal: AbortSignal;
  readonly jobs: Semaphore;
  readonly onWorkflowEnd: (line: (colors: Colors) => string) => void;
  /** `--report html FILE`: records each workflow run for the page. */
  readonly html?: HtmlRunCollector;
}): Promise<FileReport> {
  const { engine, document, options: test, masker } = options;
  const started = performance.now();
  const workflows = document.document.workflows;
  const ids = new Set(workflows.map((w) => w.workflowId));
  const lines = createArazzoLines({ workflows, positions: options.positions });
  const chosen = workflows.filter(
    (w) =>
      (test.workflows.length === 0 || test.workflows.includes(w.workflowId)) &&
      !test.skip.includes(w.workflowId),
  );
  if (test.workflows.length > 0 && chosen.length === 0)
    return { file: options.file, uri: document.uri, workflows: [], durationMs: 0 };
  const skipped = (workflowId: string, because: string): WorkflowReport => ({
    workflowId,
    status: 'skipped',
    skippedBecause: because,
    durationMs: 0,
    ...lines.workflow(workflowId),
    warnings: 0,
    steps: [],
    outputs: {},
  });
  const completed = new Map<string, RunResult>();
  const results = await runScheduled<WorkflowReport>({
    jobs: Number.POSITIVE_INFINITY,
    failed: (r) => r.status !== 'passed',
    skip: (key, because) => skipped(key, `dependency ${because} did not pass`),
    tasks: chosen.map((workflow) => ({
      key: workflow.workflowId,
      after: (workflow.dependsOn ?? []).filter((d) => ids.has(d)),
      run: async () => {
        const release = await options.jobs.acquire();
        try {
          const schema = readDeclaredInputs({ document: document.document, workflow });
          const inputs = inputsForWorkflow({
            workflowId: workflow.workflowId,
            documentUri: document.uri,
            workflowIds: ids,
            file: options.fileInputs,
            flags: test.run.inputs,
            rawFlags: test.run.rawInputs,
            schema,
          });
          const inputProviders = await buildInputProviders({
            inputFrom: test.run.inputFrom,
            given: inputs,
            schema,
            interactive: false,
            dryRun: false,
            masker,
            colors: colorsFor(process.stderr),
          });
          const startedAt = new Date();
          const recording = options.html?.start(document);
          const result = await engine.run({
            document,
            workflowId: workflow.workflowId,
            inputs,
            inputProviders: recording === undefined ? inputProviders : recording.watchInputs(inputProviders),
            signal: options.signal,
            hooks: mergeHooks([createSecretHooks(masker), recording?.hooks]),
            completed,
          });
          recording?.end(result);
          completed.set(workflow.workflowId, result);
          const report = toWorkflowReport({ result, lines, startedAt, endedAt: new Date() });
          options.onWorkflowEnd((colors) => formatProgress(options.file, report, colors));
          return report;
        } finally {
          release();
        }
      },
    })),
  });
  const reports = workflows.flatMap(
    (w) =>
      results.get(w.workflowId) ??
      (test.skip.includes(w.workflowId) ? [skipped(w.workflowId, '--skip')] : []),
  );
  return {
    file: options.file,
    uri: document.uri,
    workflows: reports,
    durationMs: Math.round(performance.now() - started),
  };
}

/** `✓ flows/pets.arazzo.yaml › listPets  3 steps  120 ms` (stderr progress, one line per workflow). */
function formatProgress(file: string, report: WorkflowReport, colors: Colors): string {
  const mark = report.status === 'passed' ? colors.green('✓') : colors.red('✗');
  const warn =
    report.warnings > 0
      ? colors.yellow(`  ${report.warnings} warning${report.warnings === 1 ? '' : 's'}`)
      : '';
  const own = report.steps.filter((s) => s.workflowId === report.workflowId).length;
  const why =
    report.error === undefined ? '' : colors.dim(`  ${report.error.stepId ?? ''} ${report.error.code}`);
  return `${mark} ${file} › ${report.workflowId}  ${own} step${own === 1 ? '' : 's'}  ${report.durationMs} ms${warn}${why}\n`;
}
