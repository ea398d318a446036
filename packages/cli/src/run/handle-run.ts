import type { CommandHandler } from '../commands/command-spec.js';
import type { RunFlags } from './command.js';
import { executeRun } from './execute-run.js';
import { toRunOptions } from './to-run-options.js';

/** `telaio run`: the parsed flags checked into RunOptions, then the run (exit 0, 1, 2 or 128+signal). */
export const handleRun: CommandHandler<RunFlags> = async ({ flags, positionals }) =>
  executeRun(toRunOptions(flags, positionals));
