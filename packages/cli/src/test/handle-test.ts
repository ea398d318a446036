import type { CommandHandler } from '../commands/command-spec.js';
import type { TestFlags } from './command.js';
import { executeTest } from './execute-test.js';
import { toTestOptions } from './to-test-options.js';

/** `telaio test`: the parsed flags checked into TestOptions, then the suite (exit 0, 1 or 2). */
export const handleTest: CommandHandler<TestFlags> = async ({ flags, positionals }) =>
  executeTest(toTestOptions(flags, positionals));
