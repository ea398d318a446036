/**
 * Fleet recovery: a run whose worker died stays PENDING under that worker's executor id (DBOS
 * recovers a workflow only in a process with the same executor id, or when told to). A live worker
 * finds PENDING runs of the telaio queue owned by executors whose lock is free (hold-executor-lock.ts),
 * and hands them back to the queue with DBOS's `resumeWorkflows`, under the dead executor's lock so
 * that two workers never hand back the same run; some worker then dequeues each and DBOS replays it
 * from its checkpoints, sending nothing that completed.
 */
import type { DbosApi } from '../host/create-dbos-host.js';
import { RUN_QUEUE } from '../shared/dbos-names.js';
import type { ExecutorLocks } from './hold-executor-lock.js';

/** Hand back the runs of dead executors; returns the run ids handed back. */
export async function recoverDeadExecutors(options: {
  readonly dbos: DbosApi;
  readonly locks: ExecutorLocks;
  readonly executorId: string;
}): Promise<string[]> {
  const { dbos, locks, executorId } = options;
  const pending = await dbos.listWorkflows({
    status: 'PENDING',
    queueName: RUN_QUEUE,
    loadInput: false,
    loadOutput: false,
  });
  const owners = new Set(
    pending.map((w) => w.executorId).filter((id) => id !== undefined && id !== executorId),
  );
  const recovered: string[] = [];
  for (const owner of owners) {
    await locks.whileDead(owner as string, async () => {
      // Listed again under the lock: another worker may have handed them back meanwhile.
      const orphans = await dbos.listWorkflows({
        status: 'PENDING',
        queueName: RUN_QUEUE,
        executorId: owner as string,
        loadInput: false,
        loadOutput: false,
      });
      const ids = orphans.map((w) => w.workflowID);
      if (ids.length > 0) await dbos.resumeWorkflows(ids, { queueName: RUN_QUEUE });
      recovered.push(...ids);
    });
  }
  return recovered;
}
