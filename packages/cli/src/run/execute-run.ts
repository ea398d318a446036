import { resolve } from 'node:path';
import { type EngineHooks, readDeclaredInputs } from '@telaio/core';
import { createMasker } from '../mask/create-masker.js';
import { createSecretHooks } from '../mask/create-secret-hooks.js';
import { createProgressHooks } from '../progress/create-progress-hooks.js';
import { createCountdownSleep } from '../progress/sleep-with-countdown.js';
import { writeRunReport } from '../report/write-run-report.js';
import { checkReadableFile } from '../shared/check-readable-file.js';
import { colorsFor } from '../shared/colors-for.js';
import { mergeHooks } from '../shared/merge-hooks.js';
import { UsageError } from '../shared/usage-error.js';
import { buildInputProviders } from './build-input-providers.js';
import { checkAuthTargets, readSourceSchemes } from './check-auth-targets.js';
import { checkOutputTargets } from './check-output-targets.js';
import { createDryRunCriteria } from './dry-run/create-dry-run-criteria.js';
import { formatDryRunRecord } from './dry-run/format-dry-run-record.js';
import { createCliEngine } from './engine-api.js';
import { explainProviderError } from './explain-provider-error.js';
import { loadRunDocument } from './load-run-document.js';
import { prepareInputs } from './prepare-inputs.js';
import { selectWorkflow } from './select-workflow.js';
import { startRunServices } from './start-run-services.js';
import type { RunOptions } from './to-run-options.js';

/** Input errors met before anything was sent (at start, or a lazy input's first read): the run could not start. */
const START_ERRORS = new Set(['input-invalid', 'input-missing']);

/**
 * Runs one workflow as `telaio run` was asked: load and check the document, prepare inputs and
 * providers, run with progress on stderr, write the report, close everything. Returns the exit
 * code (0 success, 1 failed); throws UsageError for exit 2.
 */
export async function executeRun(run: RunOptions): Promise<number> {
  const stderr = process.stderr;
  const errColors = colorsFor(stderr);
  const outColors = colorsFor(process.stdout);
  const interactive = process.stdin.isTTY === true && stderr.isTTY === true;
  const masker = createMasker({ reveal: run.revealSecrets, placeholders: run.dryRun });
  const showProgress = run.format === 'pretty' || stderr.isTTY === true;
  const unreadable = await checkReadableFile(run.file);
  if (unreadable !== undefined) throw new UsageError(unreadable);
  await checkOutputTargets(run);
  const services = await startRunServices({
    run,
    masker,
    onDryRunRecord: (record) => {
      if (run.format === 'pretty')
        process.stdout.write(masker.text(formatDryRunRecord(masker.record(record), { colors: outColors })));
    },
  });
  const abort = new AbortController();
  const providerErrors = new Map<string, string>();
  const onSignal = (): void => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  try {
    const dryCriteria = run.dryRun
      ? createDryRunCriteria({
          registry: (await import('@telaio/core')).createCriterionRegistry(),
          onUnjudged: (criterion) => {
            if (run.format === 'pretty')
              process.stdout.write(
                `    ${outColors.dim(`(not judged in a dry run: ${masker.text(criterion.condition)}; counted as met)`)}\n`,
              );
          },
        })
      : undefined;
    const engine = await createCliEngine({
      transport: services.transport,
      credentials: services.credentials,
      servers: run.servers,
      maxSteps: run.maxSteps,
      sleep: createCountdownSleep(stderr),
      ...(run.checks && !run.dryRun
        ? { responseChecks: (await import('@telaio/core')).createResponseChecker() }
        : {}),
      ...(run.maxRetryWaitMs === undefined ? {} : { maxRetryWaitMs: run.maxRetryWaitMs }),
      ...(dryCriteria === undefined ? {} : { criteria: dryCriteria.evaluators }),
    });
    const loaded = await loadRunDocument(engine, resolve(run.file), errColors.isColorSupported);
    dryCriteria?.useDocument(loaded.document);
    const workflowId = selectWorkflow(loaded, run.workflowId);
    const sources = loaded.document.sourceDescriptions.map((s) => s.name);
    for (const name of Object.keys(run.servers)) {
      if (!sources.includes(name))
        throw new UsageError(
          `--server ${name}: no such source description; the document has: ${sources.join(', ')}`,
        );
    }
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
      dryCriteria?.hooks,
    ];
    if (showProgress)
      hooks.push(
        createProgressHooks({
          write,
          colors: errColors,
          masker,
          verbose: run.logLevel === 'debug' || run.logLevel === 'trace',
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
      inputProviders,
    });
    const result = explainProviderError(ran, providerErrors, abort.signal.aborted);
    if (
      result.error?.code === 'credentials-missing' &&
      result.steps.every((step) => step.request === undefined)
    ) {
      throw new UsageError(`${masker.text(result.error.message)} (credentials-missing; nothing was sent)`);
    }
    if (
      result.status === 'failure' &&
      result.steps.every((step) => step.status === 'skipped' || step.request === undefined) &&
      START_ERRORS.has(result.error?.code ?? '')
    ) {
      const hint = interactive
        ? ''
        : ' (off a terminal, give it with --input NAME=VALUE, --inputs FILE or --input-from NAME=PROVIDER)';
      throw new UsageError(
        `${masker.text(result.error?.message ?? 'invalid inputs')}${result.error?.code === 'input-missing' ? hint : ''}`,
      );
    }
    const written = await writeRunReport({
      result,
      masker,
      har: services.har?.(),
      target: {
        format: run.format,
        colors: outColors,
        dryRun: run.dryRun,
        ...(run.output === undefined ? {} : { output: run.output }),
        ...(run.har === undefined ? {} : { har: run.har }),
        ...(run.dryRun && run.format === 'json'
          ? {
              extra: {
                dryRun: true,
                requests: (services.dryRun?.records ?? []).map(masker.record),
                notJudged: (dryCriteria?.unjudged ?? []).map((c) => ({
                  stepId: c.stepId,
                  condition: masker.text(c.condition),
                })),
              },
            }
          : {}),
      },
    }).then(
      () => true,
      (error: unknown) => {
        // The run happened: losing its report is a failure (exit 1), not "could not start".
        stderr.write(`telaio run: ${masker.text((error as Error).message ?? String(error))}\n`);
        return false;
      },
    );
    if (abort.signal.aborted) return 130;
    if (!written) return 1;
    return result.status === 'success' ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    await services.close();
  }
}
