import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { DATABASE_URL_FLAG, DURABLE_ENVIRONMENT } from '../durable/durable-flags.js';
import { SHARED_FLAGS } from '../shared/flag-specs.js';

/** The flags of `telaio worker`. */
const flags = {
  'database-url': DATABASE_URL_FLAG,
  concurrency: {
    kind: 'integer',
    min: 1,
    max: 10000,
    default: '10',
    placeholder: 'N',
    env: 'TELAIO_WORKER_CONCURRENCY',
    help: `most runs this worker executes at once (the telaio-runs queue's
per-worker concurrency: the last worker started sets it for all)`,
  },
  auth: {
    ...SHARED_FLAGS.auth,
    help: `a credential this worker applies to a source's security schemes, as
for telaio run (credentials live with the workers, never in a run's
request); Stytch sources use STYTCH_PROJECT_ID and STYTCH_SECRET`,
  },
  timeout: SHARED_FLAGS.timeout,
  'max-steps': {
    ...SHARED_FLAGS['max-steps'],
    help: 'stop a run after N step executions (retries and nested workflows count)',
  },
  quiet: { kind: 'boolean', help: 'do not print a line per finished run' },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type WorkerFlags = typeof flags;

/** `telaio worker`: a worker process of durable runs. */
export const workerCommand = defineCommand({
  name: 'worker',
  summary: 'execute durable runs from the database (a fleet of workers shares them)',
  description: `Executes durable runs: takes runs submitted with telaio submit (or by a schedule) from the
telaio-runs queue in PostgreSQL, at most --concurrency at a time, on DBOS Transact. Every request
and message a run sends is checkpointed, every retry wait is a durable sleep, every input given with
telaio resolve a durable wait, so a run survives its worker: when a worker dies (even SIGKILL), another
one finishes its runs without sending again what completed (a request that was in flight is sent
again). Start as many workers as you like, on any machines that share the database, the journal key
and the Arazzo files (a run names its document by absolute path or URL). Prints one line when ready
and one per finished run; stops on Ctrl-C (SIGINT) or SIGTERM, leaving unfinished runs to the others.`,
  positionals: { name: 'ARG', min: 0, max: 0 },
  flags,
  sections: [
    DURABLE_ENVIRONMENT,
    {
      title: 'Exit status',
      text: '0 stopped by a signal, 1 could not start (database unreachable), 2 bad usage.',
    },
  ],
  examples: [
    'export TELAIO_DATABASE_URL=postgresql://telaio:secret@127.0.0.1:5432/telaio',
    'export TELAIO_JOURNAL_KEY="$(openssl rand -base64 32)"',
    'telaio worker --concurrency 20',
    'STYTCH_PROJECT_ID=project-test-... STYTCH_SECRET=secret-test-... telaio worker',
  ],
  handler: async () => (await import('./handle-worker.js')).handleWorker,
});
