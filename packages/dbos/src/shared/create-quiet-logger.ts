import type { DLogger } from '@dbos-inc/dbos-sdk';

/**
 * The logger DBOS logs through: warnings and errors on stderr, one line each, as text (DBOS never
 * logs step outputs or messages; its errors carry only what the failing code's message says), info
 * and debug dropped unless `verbose`.
 */
export function createQuietLogger(options: {
  readonly write?: (line: string) => void;
  readonly verbose?: boolean;
}): DLogger {
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const text = (entry: unknown): string =>
    entry instanceof Error
      ? `${entry.name}: ${entry.message}`
      : typeof entry === 'string'
        ? entry
        : JSON.stringify(entry);
  const line = (level: string, entry: unknown): void => write(`dbos ${level}: ${text(entry)}\n`);
  return {
    info: (entry) => (options.verbose === true ? line('info', entry) : undefined),
    debug: (entry) => (options.verbose === true ? line('debug', entry) : undefined),
    warn: (entry) => line('warn', entry),
    error: (entry) => line('error', entry),
  };
}
