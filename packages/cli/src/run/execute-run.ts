import { resolve } from 'node:path';
import { isatty } from 'node:tty';
import {
  createCriterionRegistry,
  createProcessHost,
  createResponseChecker,
  type EngineHooks,
  readDeclaredInputs,
} from '@telaio/core';
import type { Masker } from '../mask/create-masker.js';
import { createMasker } from '../mask/create-masker.js';
import { createSecretHooks } from '../mask/create-secret-hooks.js';
import { createProgressHooks } from '../progress/create-progress-hooks.js';
import { createCountdownSleep } from '../progress/sleep-with-countdown.js';
import { createHarSteps } from '../report/create-har-steps.js';
import { checkReadableFile } from '../shared/check-readable-file.js';
import { checkServerNames } from '../shared/check-server-names.js';
import { colorsFor } from '../shared/colors-for.js';
import { mergeHooks } from '../shared/merge-hooks.js';
import { readSeverityOverrides } from '../shared/read-severity-overrides.js';
import { UsageError } from '../shared/usage-error.js';
import { buildInputProviders } from './build-input-providers.js';
import { checkAuthTargets, readSourceSchemes } from './check-auth-targets.js';
import { checkOutputTargets } from './check-output-targets.js';
import { checkServerUrls } from './check-server-urls.js';
import { checkUndeclaredInputs } from './check-undeclared-inputs.js';
import { createDryRunCriteria } from './dry-run/create-dry-run-criteria.js';
import { createDryRunMessageHooks } from './dry-run/create-dry-run-message-hooks.js';
import { createUnresolvedMarkers } from './dry-run/create-unresolved-markers.js';
import { formatDryRunRecord } from './dry-run/format-dry-run-record.js';
import type { LoadedDocument } from './engine-api.js';
import { createCliEngine } from './engine-api.js';
import { explainProviderError } from './explain-provider-error.js';
import { listenStopSignals } from './listen-stop-signals.js';
import { loadRunDocument } from './load-run-document.js';
import { prepareInputs } from './prepare-inputs.js';
import { runCacheOptions } from './run-cache-options.js';
import { selectWorkflow } from './select-workflow.js';
import { settleRun } from './settle-run.js';
import { startRunServices } from './start-run-services.js';
import type { RunOptions } from './to-run-options.js';

/**
 * Runs one workflow as `telaio run` was asked: load and check the document, prepare inputs and
 * providers, run with progress on stderr, write the report, close everything. Returns the exit
 * code (0 success, 1 failed); throws UsageError for exit 2.
 */
export async function executeRun(run: RunOptions): Promise<number> {
  let runCount = 0;
  const stderr = process.stderr;
  const errColors = colorsFor(stderr);
  const outColors = colorsFor(process.stdout);
  // isatty(0) rather than process.stdin.isTTY: the same answer without building the stdin stream
  // (a ReadStream or socket, ~1 ms at every start) that only a prompt needs.
  const interactive = isatty(0) && stderr.isTTY === true;
  const masker = createMasker({ reveal: run.revealSecrets, placeholders: run.dryRun });
  const showProgress = run.format === 'pretty' || stderr.isTTY === true;
  const unreadable = await checkReadableFile(run.file);
  if (unreadable !== undefined) throw new UsageError(unreadable);
  await checkOutputTargets(run);
  const markers = run.dryRun ? createUnresolvedMarkers() : undefined;
  const services = await startRunServices({
    run,
    masker,
    ...(markers === undefined ? {} : { onDryRunGap: (gap) => markers.record(gap) }),
    onDryRunRecord: (record) => {
      if (run.format === 'pretty')
        process.stdout.write(masker.text(formatDryRunRecord(masker.record(record), { colors: outColors })));
    },
  });
  const abort = new AbortController();
  const providerErrors = new Map<string, string>();
  const signals = listenStopSignals(abort);
  const harSteps = createHarSteps({ maskMessage: (m) => masker.message(m) });
  const dryMessages = run.dryRun
    ? createDryRunMessageHooks({
        masker,
        colors: outColors,
        ...(run.format === 'pretty' ? { write: (text: string) => void process.stdout.write(text) } : {}),
      })
    : undefined;
  try {
    const dryCriteria = run.dryRun
      ? createDryRunCriteria({
          registry: createCriterionRegistry(),
          onUnjudged: (criterion) => {
            if (run.format === 'pretty')
              process.stdout.write(
                `    ${outColors.dim(`(not judged in a dry run: ${masker.text(criterion.condition)}; counted as met)`)}\n`,
              );
          },
        })
      : undefined;
    const severity = await readSeverityOverrides(run.severity);
    // The parsed-source and lint caches (TELAIO_NO_CACHE turns both off): a run of a document
    // linted before compiles none of lint's code.
    const engine = await createCliEngine({
      ...(await runCacheOptions()),
      ...(severity === undefined ? {} : { severity }),
      ...(markers === undefined ? {} : { missingValue: markers.missingValue }),
      transport: services.transport,
      messageTransport: services.messageTransport,
      credentials: services.credentials,
      servers: run.servers,
      maxSteps: run.maxSteps,
      // Run ids of a one-shot CLI run never leave this process (keys of its progress lines): a counter,
      // so the run does not load node:crypto for a random UUID (~25M instructions of every cold run).
      host: createProcessHost({ sleep: createCountdownSleep(stderr), newRunId: () => `run-${++runCount}` }),
      ...(run.checks && !run.dryRun ? { responseChecks: createResponseChecker() } : {}),
      ...(run.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: run.maxRetryWaitMs }),
      ...(dryCriteria === undefined ? {} : { criteria: dryCriteria.evaluators }),
    });
    const loaded = await loadRunDocument({
      engine,
      path: resolve(run.file),
      workflowId: run.workflowId,
      color: errColors.isColorSupported,
      write: (text) => void stderr.write(text),
    });
    dryCriteria?.useDocument(loaded.document);
    const html = run.report === undefined ? undefined : await startHtmlReport(loaded);
    const workflowId = selectWorkflow(loaded, run.workflowId);
    checkServerNames({ servers: run.servers, documents: [loaded.document], holders: 'the document has' });
    await checkServerUrls({ servers: run.servers, sources: loaded.sources });
    if (run.auth.length > 0) {
      await checkAuthTargets({ entries: run.auth, schemes: readSourceSchemes(loaded.sources) });
      await services.useAuth(run.auth);
    }
    if (run.sandbox || loaded.document.sourceDescriptions.some((s) => /stytch/i.test(`${s.name} ${s.url}`)))
      await services.useStytch();
    const schema = readDeclaredInputs({
      document: loaded.document,
      workflow: loaded.document.workflows.find((w) => w.workflowId === workflowId),
    });
    const inputs = await prepareInputs(run, schema);
    const undeclared = checkUndeclaredInputs({
      workflowId,
      given: inputs,
      fromFlags: new Set(Object.keys(run.inputs)),
      schema,
      strict: run.strict,
    });
    for (const line of undeclared) stderr.write(`telaio run: ${errColors.yellow(line)}\n`);
    const inputProviders = await buildInputProviders({
      inputFrom: run.inputFrom,
      given: inputs,
      schema,
      interactive,
      dryRun: run.dryRun,
      masker,
      colors: errColors,
      onError: (name, error) => {
        const e = error as { message?: string; code?: string };
        providerErrors.set(
          name,
          `${e.message ?? String(error)}${e.code === undefined ? '' : ` (${e.code})`}`,
        );
        if (!abort.signal.aborted)
          stderr.write(
            `${errColors.red('!')} input ${name}: ${masker.text(providerErrors.get(name) ?? '')}\n`,
          );
      },
    });
    const write = (text: string): void => void stderr.write(text);
    const hooks: (EngineHooks | undefined)[] = [
      createSecretHooks(masker),
      services.dryRun?.hooks,
      dryMessages?.hooks,
      dryCriteria?.hooks,
      markers?.hooks,
      harSteps.hooks,
      html?.run.hooks,
    ];
    if (showProgress)
      hooks.push(
        createProgressHooks({
          write,
          colors: errColors,
          masker,
          verbose: run.logLevel === 'debug' || run.logLevel === 'trace',
          ...(markers === undefined
            ? {}
            : {
                noteFor: (stepId: string) => {
                  const n = markers.countOf(stepId);
                  return n === 0 ? undefined : `${n} unresolved`;
                },
              }),
        }),
      );
    if (interactive && !run.dryRun && run.format === 'pretty') {
      const { createQrHook } = await import('@telaio/stytch-auth');
      hooks.push(createQrHook({ write, isTTY: true }));
    }
    const ran = await engine.run({
      document: loaded,
      workflowId,
      inputs,
      signal: abort.signal,
      hooks: mergeHooks(hooks, (error) => write(`telaio: a hook failed: ${masker.text(String(error))}\n`)),
      inputProviders: html === undefined ? inputProviders : html.run.watchInputs(inputProviders),
    });
    const result = explainProviderError(ran, providerErrors, signals.received());
    html?.run.end(result);
    return await settleRun({
      run,
      result,
      masker,
      interactive,
      colors: outColors,
      har: harSteps.annotate(services.har?.()),
      requests: services.dryRun?.records ?? [],
      messages: dryMessages?.messages() ?? [],
      ...(markers === undefined ? {} : { unresolved: markers.all }),
      notJudged: dryCriteria?.unjudged ?? [],
      stopped: signals.exitCode(),
      ...(html === undefined || run.report === undefined
        ? {}
        : { writeReport: () => html.write(run.report as NonNullable<RunOptions['report']>, masker) }),
    });
  } finally {
    signals.dispose();
    await services.close();
  }
}

/** `--report html FILE`: the run recorded from its start, its page written at the end (html-collect-runs.ts). */
async function startHtmlReport(loaded: LoadedDocument) {
  const { arazzoPositions, createHtmlRunCollector } = await import('../report/html-collect-runs.js');
  const { writeFileReport } = await import('../report/html-write-report.js');
  const positions = await arazzoPositions(loaded);
  const collector = createHtmlRunCollector({ cwd: process.cwd(), positions: () => positions });
  const run = collector.start(loaded);
  return {
    run,
    write: (target: NonNullable<RunOptions['report']>, masker: Masker) =>
      writeFileReport({ ...target, report: collector.report('run'), masker }),
  };
}
