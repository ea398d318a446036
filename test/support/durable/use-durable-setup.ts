/**
 * The setup the durable-run tests share, registered as the suite's beforeAll/afterAll: a test
 * database, the loopback order API and its documents, a durable client with a fresh journal key,
 * and worker processes spawned against them (all killed, then everything closed, at the end).
 */
import { randomBytes } from 'node:crypto';
import { createDurableClient, type DurableClient } from '@telaio/dbos';
import { afterAll, beforeAll } from 'vitest';
import { type OrderApi, startOrderApi, writeOrderDocuments } from './order-api.js';
import { FIXTURE_WORKER, spawnWorker, type WorkerProcess } from './spawn-worker.js';
import { createTestDatabase } from './test-database.js';

/** What a durable test reads once beforeAll ran. */
export interface DurableSetup {
  /** The journal key, hex (as TELAIO_JOURNAL_KEY takes it). */
  readonly key: string;
  readonly database: Awaited<ReturnType<typeof createTestDatabase>>;
  readonly api: OrderApi;
  readonly client: DurableClient;
  /** The order workflow document's path. */
  readonly document: string;
  /** Spawn a fixture worker on this database and key, `env` added; it is killed at the end. */
  worker(env?: Record<string, string>): WorkerProcess;
}

/**
 * Register the shared setup in the current suite. `killWith` is the signal the workers still
 * running at the end get (SIGKILL where a test kills workers itself anyway).
 */
export function useDurableSetup(url: string, options: { killWith: NodeJS.Signals }): DurableSetup {
  const key = randomBytes(32).toString('hex');
  const workers: WorkerProcess[] = [];
  let ready: Omit<DurableSetup, 'key' | 'worker'> | undefined;
  const get = (): Omit<DurableSetup, 'key' | 'worker'> => {
    if (ready === undefined) throw new Error('the durable setup is read before its beforeAll ran');
    return ready;
  };
  beforeAll(async () => {
    const database = await createTestDatabase(url);
    const api = await startOrderApi();
    const document = await writeOrderDocuments();
    const client = await createDurableClient({
      databaseUrl: database.url,
      journalKey: Buffer.from(key, 'hex'),
    });
    ready = { database, api, client, document };
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill(options.killWith);
    await Promise.all(workers.map((w) => w.exited));
    await ready?.client.close();
    await ready?.api.close();
    await ready?.database.drop();
  });
  return {
    key,
    get database() {
      return get().database;
    },
    get api() {
      return get().api;
    },
    get client() {
      return get().client;
    },
    get document() {
      return get().document;
    },
    worker(env = {}) {
      const w = spawnWorker([FIXTURE_WORKER], {
        TELAIO_DATABASE_URL: get().database.url,
        TELAIO_JOURNAL_KEY: key,
        ...env,
      });
      workers.push(w);
      return w;
    },
  };
}
