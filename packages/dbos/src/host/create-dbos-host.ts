/**
 * The DBOS host: a run executed inside a DBOS workflow (one Arazzo run = one DBOS workflow, its id
 * the run id) journals every effect as a DBOS step, sleeps with DBOS's durable sleep and waits for
 * external values with `recv`. DBOS replays the workflow after a crash: steps it holds return their
 * checkpointed output, so nothing that completed is sent again.
 */
import type { Host, JournalValue, RunHost, WaitOutcome } from '@telaio/core';
import { combineSignals, TelaioError } from '@telaio/core';
import { raceAbort } from './race-abort.js';

/** The DBOS API the host uses (the SDK's `DBOS` class, imported lazily by the caller). */
export type DbosApi = typeof import('@dbos-inc/dbos-sdk').DBOS;

/** What `telaio resolve` sends to a waiting run: the value, wrapped so that `null` is a value too. */
export interface ResolvedValue {
  readonly value: JournalValue;
}

/** The DBOS event a run sets to the name of the value it waits for (null once it has it). */
export const WAITING_EVENT = 'telaio.waitingFor';

/** How long a wait with no timeout of its own lasts (DBOS `recv` needs one): 24 hours. */
export const DEFAULT_WAIT_MS = 24 * 60 * 60 * 1000;

/**
 * Create the host for runs executed inside DBOS workflows (`engine.run({host, runId:
 * DBOS.workflowID})` from a registered workflow). Each effect is `DBOS.runStep` named by its site
 * id, without DBOS retries (Arazzo's retries are the engine's); a step cut by the run's signal
 * records nothing. Sleeps are `DBOS.sleep`, waits `DBOS.recv(name)` with the wait's timeout.
 */
export function createDbosHost(options: {
  readonly dbos: DbosApi;
  /** Timeout of waits that have none (default DEFAULT_WAIT_MS). */
  readonly defaultWaitMs?: number;
}): Host {
  const { dbos } = options;
  const defaultWaitMs = options.defaultWaitMs ?? DEFAULT_WAIT_MS;
  return {
    begin(run): RunHost {
      const runId = dbos.workflowID;
      if (runId === undefined)
        throw new TelaioError(
          'engine-misconfigured',
          'the DBOS host serves runs executed inside a DBOS workflow (DBOS.workflowID is undefined here)',
        );
      if (run.runId !== undefined && run.runId !== runId)
        throw new TelaioError(
          'engine-misconfigured',
          `runId ${run.runId} is not the DBOS workflow's id (${runId}): pass runId: DBOS.workflowID`,
        );
      const { signal } = run;
      return {
        runId,
        now: () => performance.now(),
        effect<T extends JournalValue>(
          request: { readonly id: string },
          perform: (signal: AbortSignal) => Promise<T>,
        ): Promise<T> {
          const step = dbos.runStep(
            async () => {
              const cancelled = dbos.stepStatus?.cancelSignal;
              try {
                return await perform(cancelled === undefined ? signal : combineSignals(signal, cancelled));
              } catch (error) {
                // Cut by the run's own signal: record nothing (never settle), the race below rejects.
                if (signal.aborted && cancelled?.aborted !== true) return new Promise<T>(() => undefined);
                throw error;
              }
            },
            { name: request.id },
          );
          return raceAbort(step, signal);
        },
        sleep: (request, sleepSignal) => raceAbort(dbos.sleep(request.ms), sleepSignal),
        async waitFor(request, waitSignal): Promise<WaitOutcome> {
          const timeoutMs = request.timeoutMs ?? defaultWaitMs;
          // Published (a checkpointed event) so `telaio status` can say what the run waits for.
          await dbos.setEvent(WAITING_EVENT, request.name);
          const got = await raceAbort(
            dbos.recv<ResolvedValue>(request.name, { timeoutSeconds: timeoutMs / 1000 }),
            waitSignal,
          );
          await dbos.setEvent(WAITING_EVENT, null);
          return got === null || got === undefined ? { timedOut: true } : { value: got.value };
        },
      };
    },
  };
}
