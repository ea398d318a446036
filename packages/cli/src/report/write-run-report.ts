import { writeFile } from 'node:fs/promises';
import type { RunResult } from '@telaio/core';
import type { Masker } from '../mask/create-masker.js';
import { maskRunMessages } from '../mask/mask-step-messages.js';
import type { RunFormat } from '../run/command.js';
import type { Colors } from '../shared/colors-for.js';
import { formatJunitReport } from './format-junit-report.js';
import { type DryRunSummary, formatPrettyReport } from './format-pretty-report.js';
import { formatJsonReport } from './to-json-report.js';

/** Where and how the final report goes. */
export interface ReportTarget {
  readonly format: RunFormat;
  /** A file instead of stdout. */
  readonly output?: string;
  /** A file for the HAR log. */
  readonly har?: string;
  readonly colors: Colors;
  /** Set for a dry run: its own outcome in the pretty summary. */
  readonly dryRun?: DryRunSummary;
  /** Extra top-level fields of the json report (dry-run requests). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** What a report writer is given besides the (masked) result. */
interface WriterContext {
  readonly colors: Colors;
  readonly dryRun?: DryRunSummary;
  readonly extra: Readonly<Record<string, unknown>> | undefined;
}

/** The writer of each format `telaio run` declares (the type makes the two lists agree). */
const WRITERS: Readonly<Record<RunFormat, (result: RunResult, context: WriterContext) => string>> = {
  pretty: (result, { colors, dryRun }) =>
    formatPrettyReport(result, { colors, ...(dryRun === undefined ? {} : { dryRun }) }),
  json: (result, { extra }) => formatJsonReport(result, extra),
  junit: (result) => formatJunitReport(result),
};

/**
 * Masks the result and writes the report (pretty, json or junit) to stdout or `--output`, and the
 * HAR (masked again by value, on top of the transport's own redaction) to `--har`. Both files are
 * attempted; a failure rejects with an Error naming each flag and file that could not be written.
 */
export async function writeRunReport(options: {
  readonly result: RunResult;
  readonly masker: Masker;
  readonly target: ReportTarget;
  readonly har?: unknown;
}): Promise<void> {
  const { masker, target } = options;
  const result = masker.value(maskRunMessages(options.result, masker));
  const toFile = target.output !== undefined;
  const colors = toFile ? (await import('./no-colors.js')).noColors : target.colors;
  const extra = target.extra === undefined ? undefined : masker.value(target.extra);
  const text = masker.text(
    WRITERS[target.format](result, {
      colors,
      extra,
      ...(target.dryRun === undefined ? {} : { dryRun: target.dryRun }),
    }),
  );
  const writes: Promise<void>[] = [];
  if (target.output !== undefined) writes.push(writeTo('--output', target.output, text));
  else process.stdout.write(text);
  if (target.har !== undefined && options.har !== undefined) {
    const har = `${masker.text(JSON.stringify(masker.value(options.har), null, 2))}\n`;
    writes.push(writeTo('--har', target.har, har));
  }
  const failures = (await Promise.allSettled(writes)).flatMap((settled) =>
    settled.status === 'rejected' ? [(settled.reason as Error).message] : [],
  );
  if (failures.length > 0) throw new Error(failures.join('; '));
}

/** writeFile whose error names the flag and the file (`--output: cannot write 'x': ENOSPC...`). */
async function writeTo(flag: string, path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new Error(`${flag}: cannot write '${path}': ${(error as Error).message}`);
  }
}
