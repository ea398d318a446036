import { createRequire } from 'node:module';
import type { CommandHandler } from '../commands/command-spec.js';
import { formatJson } from '../formatters/format-json.js';
import { formatJunit } from '../formatters/format-junit.js';
import { formatSarif } from '../formatters/format-sarif.js';
import { formatStylish } from '../formatters/format-stylish.js';
import type { DiagnosticFormatter, ReportedDiagnostic } from '../formatters/types.js';
import { readSeverityOverrides } from '../shared/read-severity-overrides.js';
import type { ValidateFlags, ValidateFormat } from './command.js';
import { validateFiles } from './validate-files.js';

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
 * than --max-warnings; else 0.
 */
export const handleValidate: CommandHandler<ValidateFlags> = async ({ flags, positionals }) => {
  const cacheDir = flags['cache-dir'];
  const cache = flags['no-cache'] ? false : cacheDir === undefined ? true : { dir: cacheDir };
  const overrides = await readSeverityOverrides(flags.severity);
  const results = await validateFiles(positionals, { cache });
  const { applySeverityOverrides } = await import('@telaio/core/lint');
  const diagnostics = applySeverityOverrides(
    results.flatMap((r) => r.diagnostics),
    overrides,
  ) as ReportedDiagnostic[];
  const text = FORMATTERS[flags.format](diagnostics, {
    files: results.map((r) => r.input),
    given: results.map((r) => r.given),
    cwd: process.cwd(),
    color: flags.format === 'stylish' && process.stdout.isTTY === true && !('NO_COLOR' in process.env),
    toolVersion: toolVersion(),
  });
  await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return 1;
  if (flags.strict && warnings > 0) {
    process.stderr.write(
      `telaio validate: ${plural(warnings, 'warning')}, which --strict counts as errors\n`,
    );
    return 1;
  }
  const max = flags['max-warnings'];
  if (max !== undefined && warnings > max) {
    process.stderr.write(
      `telaio validate: ${plural(warnings, 'warning')}, more than --max-warnings ${max}\n`,
    );
    return 1;
  }
  return 0;
};

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
