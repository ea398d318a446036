/**
 * A worker process: DBOS launched with telaio's run workflows registered, dequeuing from the
 * `telaio-runs` queue at most `concurrency` runs at a time, finishing the runs of dead workers, and
 * aborting the runs that were cancelled while they sleep or wait.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { RunResult } from '@telaio/core';
import { createDbosHost, type DbosApi } from '../host/create-dbos-host.js';
import { RUN_QUEUE, RUN_WORKFLOW, SCHEDULED_WORKFLOW } from '../shared/dbos-names.js';
import { type DbosConnection, launchDbos, newExecutorId } from '../shared/launch-dbos.js';
import { systemDatabaseUrl } from '../shared/system-database-url.js';
import { createRunExecutor, type RunPreparation } from './execute-run-request.js';
import { holdExecutorLock } from './hold-executor-lock.js';
import { recoverDeadExecutors } from './recover-dead-executors.js';
import type { DurableRunRequest } from './run-request.js';

/** A running worker. */
export interface Worker {
  /** This worker's DBOS executor id (its runs are tagged with it). */
  readonly executorId: string;
  /** Stop dequeuing, let DBOS shut down, release the executor lock. Runs in flight stay PENDING and are recovered by another worker. */
  close(): Promise<void>;
}

/** Options of startWorker. */
export interface WorkerOptions extends DbosConnection, RunPreparation {
  /** Most runs this worker executes at once (the queue's per-worker concurrency; default 10). */
  readonly concurrency?: number;
  /** This worker's executor id (default: host, pid and a random part). */
  readonly executorId?: string;
  /**
   * How often the worker looks for runs on the queue (DBOS's queue polling, default 200 ms; DBOS's
   * own default, 1 s, is what a submitted run waits at most before it starts).
   */
  readonly pollingIntervalMs?: number;
  /** How often to look for runs of dead workers and for cancelled runs (default 1000 ms). */
  readonly sweepIntervalMs?: number;
  /** Called when a run ends (success or failure), e.g. to print a line. */
  readonly onRunEnd?: (runId: string, result: RunResult) => void;
  /** Called with run ids handed back from dead workers. */
  readonly onRecovered?: (runIds: readonly string[]) => void;
}

/**
 * Start a worker (one per process: DBOS is a process-wide instance). Requires TELAIO_JOURNAL_KEY
 * (or `journalKey`), the same for every worker and client of the database.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const executorId = options.executorId ?? newExecutorId();
  const interval = options.sweepIntervalMs ?? 1000;
  const locks = await holdExecutorLock(systemDatabaseUrl(options.databaseUrl), executorId);
  const active = new Map<string, AbortController>();
  let dbos: DbosApi | undefined;
  try {
    const { sdk } = await locks.exclusively(() =>
      launchDbos({
        ...options,
        executorId,
        listenQueues: [RUN_QUEUE],
        register({ DBOS }) {
          dbos = DBOS;
          const execute = createRunExecutor({ prepare: options, host: createDbosHost({ dbos: DBOS }) });
          const run = async (request: DurableRunRequest): Promise<RunResult> => {
            const runId = DBOS.workflowID as string;
            const controller = new AbortController();
            active.set(runId, controller);
            try {
              const result = await execute(request, runId, controller.signal);
              options.onRunEnd?.(runId, result);
              return result;
            } finally {
              active.delete(runId);
            }
          };
          DBOS.registerWorkflow(run, { name: RUN_WORKFLOW });
          DBOS.registerWorkflow(async (_at: Date, request: DurableRunRequest) => run(request), {
            name: SCHEDULED_WORKFLOW,
          });
        },
      }),
    );
    await sdk.DBOS.registerQueue(RUN_QUEUE, {
      workerConcurrency: options.concurrency ?? 10,
      minPollingIntervalMs: options.pollingIntervalMs ?? 200,
      onConflict: 'always_update',
    });
  } catch (error) {
    await locks.close();
    throw error;
  }
  const api = dbos as DbosApi;
  const stop = new AbortController();
  const sweep = async (): Promise<void> => {
    const recovered = await recoverDeadExecutors({ dbos: api, locks, executorId });
    if (recovered.length > 0) options.onRecovered?.(recovered);
    if (active.size > 0) {
      const cancelled = await api.listWorkflows({
        workflowIDs: [...active.keys()],
        status: 'CANCELLED',
        loadInput: false,
        loadOutput: false,
      });
      for (const w of cancelled) active.get(w.workflowID)?.abort(new Error('the run was cancelled'));
    }
  };
  const loop = (async () => {
    while (!stop.signal.aborted) {
      await sweep().catch(() => undefined);
      await delay(interval, undefined, { signal: stop.signal }).catch(() => undefined);
    }
  })();
  return {
    executorId,
    async close() {
      stop.abort();
      await loop;
      await api.shutdown();
      await locks.close();
    },
  };
}
