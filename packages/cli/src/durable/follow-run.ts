import { setTimeout as delay } from 'node:timers/promises';
import type { DurableClient, RunStatus } from '@telaio/dbos';
import type { Masker } from '../mask/create-masker.js';
import { writeRunReport } from '../report/write-run-report.js';
import { colorsFor } from '../shared/colors-for.js';
import { formatStepLine, learnSecretInputs } from './format-run-status.js';

const ENDED = new Set(['success', 'failure', 'error', 'cancelled']);

/**
 * `submit --wait`: polls the run's status, writes each newly checkpointed step and what the run
 * waits for on stderr (masked), and once it ends writes its report as `telaio run` does (pretty or
 * json) on stdout. Exit 0 when it succeeded, 1 when it failed, errored or was cancelled.
 */
export async function followRun(options: {
  readonly client: DurableClient;
  readonly runId: string;
  readonly format: 'pretty' | 'json';
  readonly masker: Masker;
  readonly pollMs?: number;
}): Promise<number> {
  const { client, runId, masker } = options;
  const err = colorsFor(process.stderr);
  let shown = 0;
  let waiting: string | undefined;
  let status: RunStatus | undefined;
  for (;;) {
    status = await client.status(runId);
    if (status === undefined) {
      process.stderr.write(`telaio submit: run ${runId} disappeared from the database\n`);
      return 1;
    }
    for (const step of status.steps.slice(shown)) process.stderr.write(`  ${formatStepLine(step, err)}\n`);
    shown = status.steps.length;
    if (status.waitingFor !== undefined && status.waitingFor !== waiting)
      process.stderr.write(
        `  ${err.yellow('waiting')} for ${status.waitingFor}: telaio resolve ${runId} ${status.waitingFor}=VALUE\n`,
      );
    waiting = status.waitingFor;
    if (ENDED.has(status.state)) break;
    await delay(options.pollMs ?? 250);
  }
  if (status.result === undefined) {
    process.stderr.write(
      `telaio submit: run ${runId} ${status.state}${status.error === undefined ? '' : `: ${masker.text(status.error)}`}\n`,
    );
    return 1;
  }
  learnSecretInputs(status, masker);
  await writeRunReport({
    result: status.result,
    masker,
    target: { format: options.format, colors: colorsFor(process.stdout) },
  });
  return status.result.status === 'success' ? 0 : 1;
}
