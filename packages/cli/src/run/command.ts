import type { Command } from '../main.js';
import { UsageError } from '../shared/usage-error.js';
import { parseRunArgs } from './parse-run-args.js';
import { RUN_HELP } from './run-help.js';

/**
 * `telaio run [options] FILE`: runs one workflow. Exit 0 success, 1 ran and failed, 2 could not
 * start (usage, invalid document, inputs); see run-help.ts and CONTRACT.md.
 */
export const command: Command = async (argv) => {
  try {
    const options = parseRunArgs(argv);
    if (options.help) {
      process.stdout.write(RUN_HELP);
      return 0;
    }
    const { executeRun } = await import('./execute-run.js');
    return await executeRun(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(
        `telaio run: ${error.message}\n${error.detail === undefined ? '' : `${error.detail}`}`,
      );
      if (
        error.detail === undefined &&
        /^(missing FILE|expected one FILE|Unknown option|--)/.test(error.message)
      ) {
        process.stderr.write("Run 'telaio run --help' for the options.\n");
      }
      return 2;
    }
    const e = error as { code?: string; message?: string };
    if (typeof e.code === 'string' && e.code !== '' && !(error instanceof TypeError)) {
      process.stderr.write(`telaio run: ${e.message ?? e.code} (${e.code})\n`);
      return 2;
    }
    throw error;
  }
};
