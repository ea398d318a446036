import { UsageError } from '../shared/usage-error.js';
import type { CommandSpec, FlagSpecs } from './command-spec.js';
import { formatCommandHelp } from './format-command-help.js';
import { parseCommandLine } from './parse-command-line.js';
import { reportUsageError } from './report-usage-error.js';

/**
 * Runs one command: parse its command line (or print its help), load its handler, run it. A
 * UsageError from any stage is reported in the one shape every command shares (exit 2); an error
 * carrying a typed code (a TelaioError met before the run could start) likewise.
 */
export async function executeCommand<F extends FlagSpecs>(
  spec: CommandSpec<F>,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    const parsed = parseCommandLine(spec, argv, env);
    if (parsed.help) {
      process.stdout.write(formatCommandHelp(spec));
      return 0;
    }
    const handler = await spec.handler();
    return await handler({ flags: parsed.flags, positionals: parsed.positionals });
  } catch (error) {
    if (error instanceof UsageError) return reportUsageError(spec, error);
    const e = error as { code?: unknown; message?: string };
    if (typeof e.code === 'string' && e.code !== '' && !(error instanceof TypeError))
      return reportUsageError(spec, new UsageError(`${e.message ?? e.code} (${e.code})`));
    throw error;
  }
}
