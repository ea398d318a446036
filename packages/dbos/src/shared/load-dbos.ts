/** The DBOS SDK module, imported on first use so that commands that never run durably stay light. */
export type DbosModule = typeof import('@dbos-inc/dbos-sdk');

let loading: Promise<DbosModule> | undefined;

/** Import `@dbos-inc/dbos-sdk` once (it brings pg, OpenTelemetry and more: about 100 ms of startup). */
export function loadDbos(): Promise<DbosModule> {
  loading ??= import('@dbos-inc/dbos-sdk');
  return loading;
}
