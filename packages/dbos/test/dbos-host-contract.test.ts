/**
 * The Host contract suite (issue 20 pts 1-2) for the DBOS host, on PostgreSQL (started by
 * .ci/services/postgresql.sh; skipped, with a printed line, where TELAIO_DATABASE_URL is unset).
 * Each execution is a DBOS workflow whose id is the run id; a cut leaves the workflow PENDING, as a
 * crash does, and the next execution resumes it (`DBOS.resumeWorkflow`) from its checkpoints.
 */
import { randomBytes } from 'node:crypto';
import type { Host, JournalValue, RunResult } from '@telaio/core';
import { runHostContract } from '@telaio/core/testing/contract';
import { createDbosHost, launchDbos } from '@telaio/dbos';
import { createTestDatabase } from '../../../test/support/durable/test-database.js';
import { describeService } from '../../../test/support/services.js';

describeService('postgresql', 'TELAIO_DATABASE_URL', 'Host contract on DBOS', (databaseUrl) => {
  runHostContract('DBOS host (@telaio/dbos on PostgreSQL)', async () => {
    const runs = new Map<string, (host: Host) => Promise<RunResult>>();
    const cuts = new Map<string, unknown>();
    const early = new Map<string, [string, JournalValue][]>();
    let host: Host | undefined;
    let workflow: ((runId: string) => Promise<RunResult>) | undefined;
    const database = await createTestDatabase(databaseUrl);
    const { sdk } = await launchDbos({
      databaseUrl: database.url,
      journalKey: randomBytes(32),
      // The runs this suite cuts stay PENDING on purpose; DBOS notes them when it shuts down.
      log: (line) => void (line.includes('Shutting down while') ? undefined : process.stderr.write(line)),
      register({ DBOS }) {
        host = createDbosHost({ dbos: DBOS });
        workflow = DBOS.registerWorkflow(
          async (runId: string): Promise<RunResult> => {
            const run = runs.get(runId);
            if (run === undefined || host === undefined) throw new Error(`no run ${runId} in this test`);
            try {
              return await run(host);
            } catch (error) {
              // A cut stands for a crash: the workflow stays PENDING, never recording an outcome.
              cuts.set(runId, error);
              return new Promise<RunResult>(() => undefined);
            }
          },
          { name: 'contractRun' },
        );
      },
    });
    const { DBOS } = sdk;
    return {
      async execute({ runId, run }) {
        runs.set(runId, run);
        cuts.delete(runId);
        const existing = await DBOS.getWorkflowStatus(runId);
        const handle =
          existing?.status === 'PENDING'
            ? await DBOS.resumeWorkflow<RunResult>(runId)
            : await DBOS.startWorkflow(workflow as (runId: string) => Promise<RunResult>, {
                workflowID: runId,
              })(runId);
        for (const [name, value] of early.get(runId) ?? []) await DBOS.send(runId, { value }, name);
        early.delete(runId);
        // Settles with the result, or rejects with the cut once the run was cut.
        return new Promise<RunResult>((resolve, reject) => {
          const timer = setInterval(() => {
            if (cuts.has(runId)) {
              clearInterval(timer);
              reject(cuts.get(runId));
            }
          }, 5);
          handle.getResult().then(
            (result) => {
              clearInterval(timer);
              resolve(result);
            },
            (error: unknown) => {
              clearInterval(timer);
              reject(error);
            },
          );
        });
      },
      async send(runId, name, value) {
        if ((await DBOS.getWorkflowStatus(runId)) === null)
          early.set(runId, [...(early.get(runId) ?? []), [name, value]]);
        else await DBOS.send(runId, { value }, name);
      },
      async close() {
        await DBOS.shutdown();
        await database.drop();
      },
    };
  });
});
