/**
 * The system database URL as telaio hands it to DBOS: with PostgreSQL's own
 * `idle_in_transaction_session_timeout` (60 s) in its `options` unless the URL sets one, so DBOS does
 * not issue a `SET` on every new pooled connection (which, queued ahead of the borrower's first query,
 * makes pg 8.23 emit a DeprecationWarning).
 */
export function systemDatabaseUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return databaseUrl;
  }
  const options = url.searchParams.get('options') ?? '';
  if (options.includes('idle_in_transaction_session_timeout')) return databaseUrl;
  url.searchParams.set('options', `${options} -c idle_in_transaction_session_timeout=60000`.trim());
  return url.toString();
}
