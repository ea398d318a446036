import type { UsageError } from '../shared/usage-error.js';
import type { CommandInfo } from './command-spec.js';
import { usageLine } from './format-command-help.js';

/**
 * Prints a UsageError the way every command does, on stderr, and returns exit code 2:
 *
 *     telaio NAME: MESSAGE
 *     DETAIL (when there is one: diagnostics, a list of workflows)
 *     Usage: telaio NAME [options] FILE        (for a malformed command line)
 *     Run 'telaio NAME --help' for the options and examples.
 */
export function reportUsageError(spec: CommandInfo, error: UsageError): number {
  const lines = [`telaio ${spec.name}: ${error.message}`];
  if (error.detail !== undefined && error.detail !== '') lines.push(error.detail.replace(/\n+$/, ''));
  if (error.showUsage)
    lines.push(usageLine(spec), `Run 'telaio ${spec.name} --help' for the options and examples.`);
  process.stderr.write(`${lines.join('\n')}\n`);
  return 2;
}
