import type { FlagSpec } from '../commands/command-spec.js';

/** `--database-url`: the PostgreSQL database that durable runs live in (worker, submit, status, resolve, cancel). */
export const DATABASE_URL_FLAG = {
  kind: 'string',
  placeholder: 'URL',
  env: 'TELAIO_DATABASE_URL',
  help: `PostgreSQL URL of the durable-run database (DBOS's system database,
created on first use): postgresql://USER:PASSWORD@HOST:PORT/DB`,
} as const satisfies FlagSpec;

/** The help section every durable command shares: what they need in the environment. */
export const DURABLE_ENVIRONMENT = {
  title: 'Environment',
  text: `TELAIO_DATABASE_URL   the database (or --database-url)
TELAIO_JOURNAL_KEY    32 random bytes (hex or base64) that encrypt every run's journal at
                      rest; the same for every worker and client of the database:
                      export TELAIO_JOURNAL_KEY="$(openssl rand -base64 32)"`,
} as const;
