import { createRequire } from 'node:module';
import path from 'node:path';
import type { SourceLoader } from '@telaio/core/lint';
import type { CommandHandler } from '../commands/command-spec.js';
import { formatJson } from '../formatters/format-json.js';
import { formatJunit } from '../formatters/format-junit.js';
import { formatSarif } from '../formatters/format-sarif.js';
import { formatStylish } from '../formatters/format-stylish.js';
import type { DiagnosticFormatter, ReportedDiagnostic } from '../formatters/types.js';
import { readSeverityOverrides } from '../shared/read-severity-overrides.js';
import { stdoutMayBeTerminal, writeStdout } from '../shared/write-stdout.js';
import type { ValidateFlags, ValidateFormat } from './command.js';
import { createRecordingLoader } from './create-recording-loader.js';
import { pendingResult } from './result-cache-key.js';
import { validateFiles } from './validate-files.js';
import { writeCachedResult } from './write-cached-result.js';

/** The writer of each format the command declares (the type makes the two lists agree). */
const FORMATTERS: Readonly<Record<ValidateFormat, DiagnosticFormatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
};

/**
 * `telaio validate`: resolve and lint each FILE, print the diagnostics in the chosen format in
 * argument order. Exit 1 with any error, with any warning under --strict, or with more warnings
 * than --max-warnings; else 0. With the cache on, a run started by bin/telaio.js whose result was
 * not cached stores what it printed and every file it read (see replayCachedResult).
 */
export const handleValidate: CommandHandler<ValidateFlags> = async (input) => {
  const pending = pendingResult();
  if (input.flags['no-cache'] || pending === undefined) return (await validate(input, undefined)).code;
  const startedAt = Date.now();
  const recording = await createRecordingLoader();
  const result = await validate(input, recording.loader);
  const files = new Set([...recording.files, ...input.positionals.map((f) => path.resolve(f))]);
  await writeCachedResult({ at: pending, startedAt, files, remote: recording.remote(), ...result });
  return result.code;
};

/** What one validate run printed on stdout and stderr, and its exit code. */
interface Printed {
  stdout: string;
  stderr: string;
  code: number;
}

async function validate(
  { flags, positionals }: Parameters<CommandHandler<ValidateFlags>>[0],
  loader: SourceLoader | undefined,
): Promise<Printed> {
  const cacheDir = flags['cache-dir'];
  const cache = flags['no-cache'] ? false : cacheDir === undefined ? true : { dir: cacheDir };
  const overrides = await readSeverityOverrides(flags.severity);
  const results = await validateFiles(positionals, { cache, loader });
  const { applySeverityOverrides } = await import('@telaio/core/lint');
  const diagnostics = applySeverityOverrides(
    results.flatMap((r) => r.diagnostics),
    overrides,
  ) as ReportedDiagnostic[];
  const text = FORMATTERS[flags.format](diagnostics, {
    files: results.map((r) => r.input),
    given: results.map((r) => r.given),
    cwd: process.cwd(),
    color:
      flags.format === 'stylish' &&
      stdoutMayBeTerminal() &&
      process.stdout.isTTY === true &&
      !('NO_COLOR' in process.env),
    toolVersion: toolVersion(),
  });
  await writeStdout(text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const max = flags['max-warnings'];
  const complaint =
    errors > 0
      ? undefined
      : flags.strict && warnings > 0
        ? `telaio validate: ${plural(warnings, 'warning')}, which --strict counts as errors\n`
        : max !== undefined && warnings > max
          ? `telaio validate: ${plural(warnings, 'warning')}, more than --max-warnings ${max}\n`
          : undefined;
  if (complaint !== undefined) process.stderr.write(complaint);
  return { stdout: text, stderr: complaint ?? '', code: errors > 0 || complaint !== undefined ? 1 : 0 };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function toolVersion(): string | undefined {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}
