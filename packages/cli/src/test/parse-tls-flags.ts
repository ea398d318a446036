import { UsageError } from '../shared/usage-error.js';

/** TLS files for one source description, or for all (`*`). Paths only: files are read when the transport starts. */
export interface TlsFiles {
  readonly clientCert?: string;
  readonly clientKey?: string;
  readonly caCert?: string;
}

/** `--client-cert`, `--client-key`, `--ca-cert` by source name (`*` for every source) and `--insecure`. */
export interface TlsFlags {
  readonly bySource: Readonly<Record<string, TlsFiles>>;
  readonly insecure: boolean;
}

const SOURCE = /^[A-Za-z0-9_.-]+$/;
const FIELDS = { clientCert: '--client-cert', clientKey: '--client-key', caCert: '--ca-cert' } as const;

/**
 * Sort the TLS flags by source: `SOURCE=PATH` for one source description, a bare `PATH` for every
 * source. A client certificate needs its key for the same source (and the other way round); a flag
 * given twice for one source is refused. Throws UsageError.
 */
export function parseTlsFlags(options: {
  readonly clientCert: readonly string[];
  readonly clientKey: readonly string[];
  readonly caCert: readonly string[];
  readonly insecure: boolean;
}): TlsFlags {
  const bySource: Record<string, Record<string, string>> = {};
  for (const field of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    for (const text of options[field]) {
      const eq = text.indexOf('=');
      const named = eq > 0 && SOURCE.test(text.slice(0, eq));
      const source = named ? text.slice(0, eq) : '*';
      const path = named ? text.slice(eq + 1) : text;
      if (path === '') throw new UsageError(`${FIELDS[field]} expects [SOURCE=]PATH, got '${text}'`);
      bySource[source] ??= {};
      const entry = bySource[source];
      if (entry[field] !== undefined)
        throw new UsageError(`${FIELDS[field]} given twice for ${source === '*' ? 'every source' : source}`);
      entry[field] = path;
    }
  }
  for (const [source, files] of Object.entries(bySource)) {
    const who = source === '*' ? '' : ` for ${source}`;
    if (files.clientCert !== undefined && files.clientKey === undefined)
      throw new UsageError(`--client-cert${who} needs --client-key${who}`);
    if (files.clientKey !== undefined && files.clientCert === undefined)
      throw new UsageError(`--client-key${who} needs --client-cert${who}`);
  }
  return { bySource, insecure: options.insecure };
}
