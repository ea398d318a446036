import { readFile, writeFile } from 'node:fs/promises';
import { createResponseChecker, loadArazzoText, type PositionMap } from '@telaio/core';
import { displayPath } from '../formatters/display-path.js';
import { createMasker } from '../mask/create-masker.js';
import { checkAuthTargets, readSourceSchemes } from '../run/check-auth-targets.js';
import { checkOutputTargets } from '../run/check-output-targets.js';
import { checkServerUrls } from '../run/check-server-urls.js';
import { createCliEngine, type LoadedDocument } from '../run/engine-api.js';
import { loadRunDocument } from '../run/load-run-document.js';
import { runCacheOptions } from '../run/run-cache-options.js';
import { startRunServices } from '../run/start-run-services.js';
import { checkServerNames } from '../shared/check-server-names.js';
import { colorsFor } from '../shared/colors-for.js';
import { readInputsFile } from '../shared/read-inputs-file.js';
import { UsageError } from '../shared/usage-error.js';
import { findTestFiles } from './find-test-files.js';
import { readTlsMaterial } from './read-tls-material.js';
import { createSemaphore } from './run-scheduled.js';
import { runTestFile } from './run-test-file.js';
import { countWorkflows, type FileReport, type TestReport } from './test-report.js';
import type { TestOptions } from './to-test-options.js';
import { writeTestReport } from './write-test-report.js';

/**
 * `telaio test`: find the documents, load and check every one before anything runs (an invalid
 * one is exit 2), run their workflows (dependsOn order, `--jobs` at a time, response checks on),
 * write the report. Exit 0 when every selected workflow passed (warnings allowed), 1 otherwise.
 */
export async function executeTest(options: TestOptions): Promise<number> {
  const stderr = process.stderr;
  const errColors = colorsFor(stderr);
  const started = performance.now();
  const files = await findTestFiles(options.targets);
  await checkOutputTargets({ report: options.run.report });
  const masker = createMasker({ reveal: options.run.revealSecrets });
  const tls = await readTlsMaterial(options.tls);
  if (options.tls.insecure)
    stderr.write(
      `${errColors.yellow('!')} --insecure: TLS certificates are not verified; anyone on the path can read and change this traffic\n`,
    );
  const services = await startRunServices({
    run: options.run,
    masker,
    ...(tls === undefined ? {} : { tls }),
  });
  const abort = new AbortController();
  const onSignal = (): void => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  let timedOut = false;
  const deadline =
    options.executionTimeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          stderr.write(
            `${errColors.red('!')} --execution-timeout: the test run took too long; workflows still running are aborted\n`,
          );
          abort.abort(new Error('execution timeout'));
        }, options.executionTimeoutMs);
  try {
    const checker =
      options.severities === undefined
        ? undefined
        : createResponseChecker({ severities: options.severities });
    const engine = await createCliEngine({
      // The source and lint caches, as for `telaio run`.
      ...(await runCacheOptions()),
      transport: services.transport,
      messageTransport: services.messageTransport,
      credentials: services.credentials,
      servers: options.run.servers,
      maxSteps: options.run.maxSteps,
      ...(checker === undefined ? {} : { responseChecks: checker }),
    });
    const loaded = await loadAll(engine, files, errColors.isColorSupported);
    checkNames(options, loaded);
    await checkServerUrls({ servers: options.run.servers, sources: loaded.flatMap((d) => d.sources) });
    if (options.run.auth.length > 0) {
      const schemes = new Map(loaded.flatMap((doc) => [...readSourceSchemes(doc.sources)]));
      await checkAuthTargets({ entries: options.run.auth, schemes });
      await services.useAuth(options.run.auth);
    }
    if (
      options.run.sandbox ||
      loaded.some((doc) => doc.document.sourceDescriptions.some((s) => /stytch/i.test(`${s.name} ${s.url}`)))
    )
      await services.useStytch();
    const fileInputs =
      options.run.inputsFile === undefined ? {} : await readInputsFile(options.run.inputsFile);
    const cwd = process.cwd();
    const jobs = createSemaphore(options.jobs);
    const positions = new Map<string, PositionMap | undefined>();
    const html =
      options.run.report === undefined
        ? undefined
        : (await import('../report/html-collect-runs.js')).createHtmlRunCollector({
            cwd,
            positions: (document) => positions.get(document.uri),
          });
    const reports: FileReport[] = await Promise.all(
      loaded.map(async (document) => {
        const text = await readFile(document.uri, 'utf8').catch(() => '');
        positions.set(document.uri, loadArazzoText({ uri: document.uri, text }).file?.positions);
        return runTestFile({
          engine,
          document,
          file: displayPath(document.uri, cwd),
          positions: positions.get(document.uri),
          ...(html === undefined ? {} : { html }),
          options,
          fileInputs,
          masker,
          signal: abort.signal,
          jobs,
          onWorkflowEnd: (line) => {
            if (options.format === 'pretty' || stderr.isTTY === true)
              stderr.write(masker.text(line(errColors)));
          },
        });
      }),
    );
    const all = reports.flatMap((r) => r.workflows);
    const report: TestReport = {
      files: reports,
      severities: checker === undefined ? null : checker.severities,
      summary: {
        files: reports.length,
        ...countWorkflows(all),
        durationMs: Math.round(performance.now() - started),
      },
    };
    await writeTestReport({ report, masker, format: options.format, output: options.output, cwd });
    if (options.run.har !== undefined) await writeHar(options.run.har, services.har?.(), masker);
    if (html !== undefined && options.run.report !== undefined) {
      const { writeFileReport } = await import('../report/html-write-report.js');
      const { toHtmlTestReport } = await import('./to-html-test-report.js');
      await writeFileReport({
        ...options.run.report,
        report: toHtmlTestReport({ report, recorded: html.report('test') }),
        masker,
      });
    }
    if (abort.signal.aborted && !timedOut) return 130;
    return report.summary.workflows.failed > 0 ? 1 : 0;
  } finally {
    clearTimeout(deadline);
    process.removeListener('SIGINT', onSignal);
    await services.close();
  }
}

/** The HAR of every exchange, masked by value on top of the transport's own redaction. */
async function writeHar(path: string, har: unknown, masker: ReturnType<typeof createMasker>): Promise<void> {
  try {
    await writeFile(path, `${masker.text(JSON.stringify(masker.value(har ?? {}), null, 2))}\n`);
  } catch (error) {
    throw new Error(`--har: cannot write '${path}': ${(error as Error).message}`);
  }
}

/** Load every document first: any invalid one stops everything (exit 2), each one's errors listed. */
async function loadAll(
  engine: Awaited<ReturnType<typeof createCliEngine>>,
  files: readonly string[],
  color: boolean,
): Promise<LoadedDocument[]> {
  const settled = await Promise.allSettled(
    files.map((file) =>
      loadRunDocument({ engine, path: file, workflowId: undefined, whole: true, color, write: () => {} }),
    ),
  );
  const refused = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (refused.length === 0) return settled.map((s) => (s as PromiseFulfilledResult<LoadedDocument>).value);
  const other = refused.find((e) => !(e instanceof UsageError));
  if (other !== undefined) throw other;
  const errors = refused as UsageError[];
  if (errors.length === 1) throw errors[0];
  throw new UsageError(
    `${errors.length} documents are not valid, nothing was run`,
    errors.map((e) => `${e.message}\n${e.detail ?? ''}`).join(''),
  );
}

/** `--workflow`, `--skip` and `--server` must name something in at least one document. */
function checkNames(options: TestOptions, loaded: readonly LoadedDocument[]): void {
  const ids = new Set(loaded.flatMap((d) => d.workflows.map((w) => w.workflowId)));
  for (const [flag, names] of [
    ['--workflow', options.workflows],
    ['--skip', options.skip],
  ] as const)
    for (const name of names)
      if (!ids.has(name))
        throw new UsageError(`${flag} ${name}: no such workflow; the documents have: ${[...ids].join(', ')}`);
  checkServerNames({
    servers: options.run.servers,
    documents: loaded.map((d) => d.document),
    holders: 'the documents have',
  });
}
