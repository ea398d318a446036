import type { CommandHandler } from '../commands/command-spec.js';
import { asUsageError, requireDatabaseUrl } from '../durable/open-durable-client.js';
import { parseAuth } from '../run/parse-auth.js';
import type { WorkerFlags } from './command.js';
import { createWorkerPreparation } from './create-worker-preparation.js';

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * `telaio worker`: starts a DBOS worker on the telaio-runs queue, prints `worker EXECUTOR ready` and
 * a line per finished run (masked: run id, workflow, status, error code), and runs until a stop
 * signal (exit 0), closing cleanly so its unfinished runs go to the other workers.
 */
export const handleWorker: CommandHandler<WorkerFlags> = async ({ flags }) => {
  const databaseUrl = requireDatabaseUrl('worker', flags['database-url']);
  const auth = flags.auth.map((entry) => parseAuth(entry));
  const prepare = await createWorkerPreparation({
    auth,
    maxSteps: flags['max-steps'],
    ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout }),
  });
  const { startWorker } = await import('@telaio/dbos');
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  let worker: Awaited<ReturnType<typeof startWorker>>;
  try {
    worker = await startWorker({
      databaseUrl,
      concurrency: flags.concurrency,
      log: (line) => void process.stderr.write(line),
      ...prepare,
      onRunEnd: (runId, result) => {
        if (!flags.quiet)
          out(
            `run ${runId} ${result.workflowId} ${result.status}${result.error === undefined ? '' : ` (${result.error.code}${result.error.stepId === undefined ? '' : ` at ${result.error.stepId}`})`}`,
          );
      },
      onRecovered: (runIds) =>
        out(`recovered ${runIds.length} run(s) of a stopped worker: ${runIds.join(' ')}`),
    });
  } catch (error) {
    const usage = asUsageError(error);
    if (usage !== error) throw usage;
    process.stderr.write(`telaio worker: could not start: ${(error as Error).message}\n`);
    await prepare.close();
    return 1;
  }
  out(`worker ${worker.executorId} ready (concurrency ${flags.concurrency})`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (name: NodeJS.Signals): void => {
      for (const s of STOP_SIGNALS) process.off(s, stop);
      resolve(name);
    };
    for (const s of STOP_SIGNALS) process.on(s, stop);
  });
  // DBOS waits for runs in flight; they are left to the other workers after a few seconds.
  await Promise.race([worker.close(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
  await prepare.close();
  out(`worker ${worker.executorId} stopped (${signal})`);
  // A run cancelled while it slept leaves DBOS's sleep timer behind: do not wait for it to fire.
  setTimeout(() => process.exit(0), 200).unref();
  return 0;
};
