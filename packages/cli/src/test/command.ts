import type { Command } from '../main.js';
import { UsageError } from '../shared/usage-error.js';
import { parseTestArgs } from './parse-test-args.js';

/**
 * `telaio test [options] FILE|DIR|GLOB...`: every workflow of every document as a test suite, with
 * response checks. Exit 0 all passed, 1 one failed, 2 could not start; see test-help.ts and CONTRACT.md.
 */
export const command: Command = async (argv) => {
  try {
    const options = parseTestArgs(argv);
    if (options.help) {
      process.stdout.write((await import('./test-help.js')).testHelp());
      return 0;
    }
    const { executeTest } = await import('./execute-test.js');
    return await executeTest(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`telaio test: ${error.message}\n${error.detail ?? ''}`);
      if (error.detail === undefined) process.stderr.write("Run 'telaio test --help' for the options.\n");
      return 2;
    }
    const e = error as { code?: string; message?: string };
    if (typeof e.code === 'string' && e.code !== '' && !(error instanceof TypeError)) {
      process.stderr.write(`telaio test: ${e.message ?? e.code} (${e.code})\n`);
      return 2;
    }
    throw error;
  }
};
