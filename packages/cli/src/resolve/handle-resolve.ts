import type { JournalValue } from '@telaio/core';
import type { CommandHandler } from '../commands/command-spec.js';
import { reportRunError, withDurableClient } from '../durable/open-durable-client.js';
import { parseAssignment } from '../shared/parse-assignment.js';
import { UsageError } from '../shared/usage-error.js';
import type { ResolveFlags } from './command.js';

/** `telaio resolve RUN NAME=VALUE`: sends the value (a string, or JSON with --json); prints `sent NAME to RUN`. */
export const handleResolve: CommandHandler<ResolveFlags> = async ({ flags, positionals }) => {
  const runId = positionals[0] ?? '';
  const { name, value } = parseAssignment(positionals[1] ?? '', 'NAME=VALUE');
  let sent: JournalValue = value;
  if (flags.json) {
    try {
      sent = JSON.parse(value) as JournalValue;
    } catch {
      throw new UsageError(`--json: the value of ${name} is not JSON`);
    }
  }
  return withDurableClient('resolve', flags['database-url'], async (client) => {
    try {
      await client.resolve(runId, name, sent);
    } catch (error) {
      return reportRunError('resolve', error);
    }
    process.stdout.write(`sent ${name} to ${runId}\n`);
    return 0;
  });
};
