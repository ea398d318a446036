/**
 * @telaio/dbos: durable Arazzo runs on DBOS Transact and PostgreSQL. One run is one DBOS workflow;
 * its requests are checkpointed steps, its waits durable sleeps and `recv`s; runs are started
 * through a queue that a fleet of workers shares. Everything DBOS stores for telaio is encrypted
 * with the key in `TELAIO_JOURNAL_KEY`.
 */

export {
  createDurableClient,
  type DurableClient,
  type RunSchedule,
} from './client/create-durable-client.js';
export type { RunState, RunStatus, RunStepRecord } from './client/run-status.js';
export {
  createDbosHost,
  type DbosApi,
  DEFAULT_WAIT_MS,
  type ResolvedValue,
  WAITING_EVENT,
} from './host/create-dbos-host.js';
export {
  createJournalSerializer,
  JOURNAL_SERIALIZER_NAME,
} from './journal/create-journal-serializer.js';
export { JOURNAL_KEY_VARIABLE, readJournalKey } from './journal/read-journal-key.js';
export {
  APPLICATION_VERSION,
  DBOS_APPLICATION,
  RUN_QUEUE,
  RUN_WORKFLOW,
  SCHEDULED_WORKFLOW,
} from './shared/dbos-names.js';
export { type DbosConnection, launchDbos, newExecutorId } from './shared/launch-dbos.js';
export { type DbosModule, loadDbos } from './shared/load-dbos.js';
export { createRunExecutor, type RunPreparation } from './worker/execute-run-request.js';
export type { DurableRunRequest, ExternalInputRequest } from './worker/run-request.js';
export { startWorker, type Worker, type WorkerOptions } from './worker/start-worker.js';
