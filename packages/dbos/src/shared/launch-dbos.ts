/**
 * Configures and launches DBOS in this process (DBOS is one instance per process) the way every
 * telaio process that executes runs does: application `telaio`, the encrypted journal serializer,
 * a fixed application version, a quiet logger and an executor id of its own.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createJournalSerializer } from '../journal/create-journal-serializer.js';
import { readJournalKey } from '../journal/read-journal-key.js';
import { createQuietLogger } from './create-quiet-logger.js';
import { APPLICATION_VERSION, DBOS_APPLICATION } from './dbos-names.js';
import { type DbosModule, loadDbos } from './load-dbos.js';
import { systemDatabaseUrl } from './system-database-url.js';

/** Options every launch takes. */
export interface DbosConnection {
  /** PostgreSQL URL of the DBOS system database (created and migrated on first use). */
  readonly databaseUrl: string;
  /** The journal key (default: TELAIO_JOURNAL_KEY); every worker and client of a database shares it. */
  readonly journalKey?: Buffer;
  /** Where DBOS's warnings go (default: stderr). */
  readonly log?: (line: string) => void;
}

/** A new executor id: host, process and a random part, so a restarted process is a new executor. */
export function newExecutorId(): string {
  return `telaio-${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Launch DBOS with `register` run first (workflows must be registered before launch). Returns the
 * SDK module and the executor id; `DBOS.shutdown()` undoes it.
 */
export async function launchDbos(
  options: DbosConnection & {
    readonly executorId?: string;
    readonly register: (sdk: DbosModule) => void;
    /** Queues this process dequeues from (default: none). */
    readonly listenQueues?: readonly string[];
  },
): Promise<{ readonly sdk: DbosModule; readonly executorId: string }> {
  const key = options.journalKey ?? readJournalKey();
  const sdk = await loadDbos();
  const executorId = options.executorId ?? newExecutorId();
  sdk.DBOS.setConfig({
    name: DBOS_APPLICATION,
    systemDatabaseUrl: systemDatabaseUrl(options.databaseUrl),
    serializer: createJournalSerializer({ key }),
    applicationVersion: APPLICATION_VERSION,
    executorID: executorId,
    logger: createQuietLogger(options.log === undefined ? {} : { write: options.log }),
    listenQueues: [...(options.listenQueues ?? [])],
  });
  options.register(sdk);
  await sdk.DBOS.launch();
  return { sdk, executorId };
}
