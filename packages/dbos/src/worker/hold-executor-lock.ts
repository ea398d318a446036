/**
 * Liveness of workers without heartbeats: each worker holds a PostgreSQL session advisory lock named
 * by its executor id on a connection of its own for as long as it lives. When its process dies
 * (SIGKILL, a crash, a lost machine) PostgreSQL closes that session and frees the lock, so "the lock
 * can be taken" means exactly "that executor is gone". DBOS leaves the detection of dead executors
 * to its hosted Conductor; this is the self-hosted equivalent.
 */
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

/** The advisory-lock namespace (first key) of telaio executor locks: "tl" + "ex". */
const LOCK_SPACE = 0x746c6578;

/** A connection holding this executor's lock, able to test other executors' locks. */
export interface ExecutorLocks {
  /** Run `fn` while holding dead executor `executorId`'s lock; returns false (not run) while it lives. */
  whileDead(executorId: string, fn: () => Promise<void>): Promise<boolean>;
  /**
   * Run `fn` holding the fleet's launch lock: DBOS migrates a fresh system database as it launches,
   * and two workers migrating at once collide (duplicate key in dbos_migrations).
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  /** Release the lock and close the connection. */
  close(): Promise<void>;
}

/** Connect and take `executorId`'s lock (before the worker dequeues anything). */
export async function holdExecutorLock(databaseUrl: string, executorId: string): Promise<ExecutorLocks> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_SPACE, executorId]);
  let queue: Promise<unknown> = Promise.resolve();
  // One query at a time on this connection.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    whileDead: (other, fn) =>
      serial(async () => {
        const taken = await client.query<{ taken: boolean }>(
          'SELECT pg_try_advisory_lock($1, hashtext($2)) AS taken',
          [LOCK_SPACE, other],
        );
        if (taken.rows[0]?.taken !== true) return false;
        try {
          await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_SPACE, other]);
        }
        return true;
      }),
    exclusively: (fn) =>
      serial(async () => {
        // Tried, not waited for: a statement blocked on the lock would hold a snapshot, and DBOS's
        // CREATE INDEX CONCURRENTLY in the other worker's migration waits for every such snapshot.
        for (;;) {
          const got = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1, 0) AS taken', [
            LOCK_SPACE,
          ]);
          if (got.rows[0]?.taken === true) break;
          await delay(200);
        }
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1, 0)', [LOCK_SPACE]);
        }
      }),
    close: () => serial(() => client.end()),
  };
}
