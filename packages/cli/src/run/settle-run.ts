import type { RunResult } from '@telaio/core';
import type { Masker } from '../mask/create-masker.js';
import { writeRunReport } from '../report/write-run-report.js';
import type { Colors } from '../shared/colors-for.js';
import { UsageError } from '../shared/usage-error.js';
import type { UnjudgedCriterion } from './dry-run/create-dry-run-criteria.js';
import type { DryRunMessage } from './dry-run/create-dry-run-message-hooks.js';
import type { DryRunRecord } from './dry-run/create-dry-run-transport.js';
import type { UnresolvedValue } from './dry-run/create-unresolved-markers.js';
import type { RunOptions } from './to-run-options.js';

/** Input errors met before anything was sent (at start, or a lazy input's first read): the run could not start. */
const START_ERRORS = new Set(['input-invalid', 'input-missing']);

/**
 * What a finished run exits with, after its report is written: a run that never sent anything for
 * want of credentials or valid inputs could not start (UsageError, exit 2); otherwise the report
 * (pretty/json/junit, HAR) is written, even for a run stopped by a signal (its interrupted step
 * marked), and the exit code is 128+signal when stopped, 1 when the report could not be written or
 * the workflow failed, else 0.
 */
export async function settleRun(options: {
  readonly run: RunOptions;
  readonly result: RunResult;
  readonly masker: Masker;
  readonly interactive: boolean;
  readonly colors: Colors;
  readonly har: unknown;
  readonly requests: readonly DryRunRecord[];
  /** A dry run's messages (would be sent, or the placeholders receives took), masked. */
  readonly messages?: readonly DryRunMessage[];
  readonly unresolved?: readonly UnresolvedValue[];
  readonly notJudged: readonly UnjudgedCriterion[];
  /** 128 + the signal that stopped the run, if one did. */
  readonly stopped: number | undefined;
  /** Writes `--report FORMAT FILE`; a failure is reported like a lost --output (exit 1). */
  readonly writeReport?: () => Promise<void>;
}): Promise<number> {
  const { run, result, masker } = options;
  if (
    options.stopped === undefined &&
    result.error?.code === 'credentials-missing' &&
    result.steps.every((step) => step.request === undefined && step.sentMessage === undefined)
  ) {
    throw new UsageError(`${masker.text(result.error.message)} (credentials-missing; nothing was sent)`);
  }
  if (
    options.stopped === undefined &&
    result.status === 'failure' &&
    result.steps.every((step) => step.status === 'skipped' || step.request === undefined) &&
    START_ERRORS.has(result.error?.code ?? '')
  ) {
    const hint = options.interactive
      ? ''
      : ' (off a terminal, give it with --input NAME=VALUE, --inputs FILE or --input-from NAME=PROVIDER)';
    throw new UsageError(
      `${masker.text(result.error?.message ?? 'invalid inputs')}${result.error?.code === 'input-missing' ? hint : ''}`,
    );
  }
  const unresolved = options.unresolved ?? [];
  const written = await writeRunReport({
    result,
    masker,
    har: options.har,
    target: {
      format: run.format,
      colors: options.colors,
      ...(run.dryRun
        ? {
            dryRun: {
              requests: options.requests.length,
              messages: (options.messages ?? []).filter((m) => m.action === 'send').length,
              unresolved,
            },
          }
        : {}),
      ...(run.output === undefined ? {} : { output: run.output }),
      ...(run.har === undefined ? {} : { har: run.har }),
      ...(run.dryRun && run.format === 'json'
        ? {
            extra: {
              dryRun: true,
              outcome: unresolved.length === 0 ? 'dry-run-complete' : 'dry-run-with-gaps',
              requests: options.requests.map(masker.record),
              ...(options.messages === undefined || options.messages.length === 0
                ? {}
                : { messages: options.messages }),
              unresolved,
              notJudged: options.notJudged.map((c) => ({
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
      process.stderr.write(`telaio run: ${masker.text((error as Error).message ?? String(error))}\n`);
      return false;
    },
  );
  const reported =
    options.writeReport === undefined ||
    (await options.writeReport().then(
      () => true,
      (error: unknown) => {
        process.stderr.write(`telaio run: ${masker.text((error as Error).message ?? String(error))}\n`);
        return false;
      },
    ));
  if (options.stopped !== undefined) return options.stopped;
  if (!written || !reported) return 1;
  return result.status === 'success' ? 0 : 1;
}
