import { parseArgs } from 'node:util';
import { formatJson } from '../formatters/format-json.js';
import { formatJunit } from '../formatters/format-junit.js';
import { formatSarif } from '../formatters/format-sarif.js';
import { formatStylish } from '../formatters/format-stylish.js';
import type { DiagnosticFormatter } from '../formatters/types.js';
import type { Command } from '../main.js';
import { VALIDATE_USAGE } from './usage.js';

const FORMATTERS: Readonly<Record<string, DiagnosticFormatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
};

/**
 * `telaio validate [options] FILE...`: resolve and lint each FILE, print the diagnostics in the
 * chosen format in argument order. Exit 0 without errors, 1 with any error, 2 on bad usage.
 */
export const command: Command = async (argv) => {
  let parsed: ReturnType<typeof parseValidateArgs>;
  try {
    parsed = parseValidateArgs(argv);
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  const format = FORMATTERS[values.format];
  if (format === undefined)
    return usageError(`unknown format '${values.format}' (stylish, json, sarif or junit)`);
  if (positionals.length === 0) return usageError('no FILE given');
  const cacheDir = values['cache-dir'];
  const cache = values['no-cache'] ? false : cacheDir === undefined ? true : { dir: cacheDir };
  const { validateFiles } = await import('./validate-files.js');
  const results = await validateFiles(positionals, { cache });
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const text = format(diagnostics, {
    files: results.map((r) => r.input),
    given: results.map((r) => r.given),
    cwd: process.cwd(),
    color: values.format === 'stylish' && process.stdout.isTTY === true && !('NO_COLOR' in process.env),
    toolVersion: await toolVersion(),
  });
  await new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
};

function usageError(message: string): number {
  process.stderr.write(`telaio validate: ${message}\n\n${VALIDATE_USAGE}`);
  return 2;
}

async function toolVersion(): Promise<string | undefined> {
  try {
    const { createRequire } = await import('node:module');
    return (createRequire(import.meta.url)('../../package.json') as { version?: string }).version;
  } catch {
    return undefined;
  }
}

/** The arguments of `telaio validate`; throws on unknown options. */
function parseValidateArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      'no-cache': { type: 'boolean', default: false },
      'cache-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
