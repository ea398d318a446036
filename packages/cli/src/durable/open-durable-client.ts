import type { DurableClient } from '@telaio/dbos';
import { UsageError } from '../shared/usage-error.js';

/** The database URL from --database-url / TELAIO_DATABASE_URL, or a usage error (exit 2). */
export function requireDatabaseUrl(command: string, url: string | undefined): string {
  if (url === undefined || url === '')
    throw new UsageError(
      `telaio ${command} needs the durable-run database: --database-url URL or TELAIO_DATABASE_URL`,
    );
  return url;
}

/**
 * Runs `fn` with a durable-run client (DBOS loaded only now), closed afterwards. A missing or bad
 * journal key is a usage error (exit 2) naming its code; the key is never printed.
 */
export async function withDurableClient<T>(
  command: string,
  url: string | undefined,
  fn: (client: DurableClient) => Promise<T>,
): Promise<T> {
  const databaseUrl = requireDatabaseUrl(command, url);
  const { createDurableClient } = await import('@telaio/dbos');
  let client: DurableClient;
  try {
    client = await createDurableClient({ databaseUrl, log: (line) => void process.stderr.write(line) });
  } catch (error) {
    throw asUsageError(error);
  }
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

/** A journal-key TelaioError as a usage error; anything else unchanged. */
export function asUsageError(error: unknown): unknown {
  const e = error as { code?: string; message?: string };
  if (typeof e.code === 'string' && e.code.startsWith('journal-key-'))
    return new UsageError(`${e.message ?? e.code} (${e.code})`);
  return error;
}

/** Prints a TelaioError about a run (run-unknown, run-finished, schedule-unknown) and returns exit 1; rethrows others. */
export function reportRunError(command: string, error: unknown): number {
  const e = error as { code?: string; message?: string };
  if (e.code === 'run-unknown' || e.code === 'run-finished' || e.code === 'schedule-unknown') {
    process.stderr.write(`telaio ${command}: ${e.message} (${e.code})\n`);
    return 1;
  }
  throw error;
}
