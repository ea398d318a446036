/**
 * A database of its own for each durable-run test file, on the PostgreSQL cluster that
 * TELAIO_DATABASE_URL names, so files running in parallel never share DBOS queues or runs.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Create an empty database beside the one `url` names; returns its URL and a drop function. */
export async function createTestDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `telaio_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
