import type { CommandHandler } from '../commands/command-spec.js';
import { reportRunError, withDurableClient } from '../durable/open-durable-client.js';
import type { CancelFlags } from './command.js';

/** `telaio cancel RUN`: cancels the run, or deletes the schedule of that name; prints what it did. */
export const handleCancel: CommandHandler<CancelFlags> = async ({ flags, positionals }) => {
  const id = positionals[0] ?? '';
  return withDurableClient('cancel', flags['database-url'], async (client) => {
    if ((await client.status(id)) === undefined && (await client.scheduleStatus(id)) !== undefined) {
      await client.unschedule(id);
      process.stdout.write(`deleted schedule ${id}\n`);
      return 0;
    }
    try {
      await client.cancel(id);
    } catch (error) {
      return reportRunError('cancel', error);
    }
    process.stdout.write(`cancelled ${id}\n`);
    return 0;
  });
};
