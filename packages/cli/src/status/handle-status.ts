import type { CommandHandler } from '../commands/command-spec.js';
import { formatRunStatus, statusAsJson } from '../durable/format-run-status.js';
import { withDurableClient } from '../durable/open-durable-client.js';
import { createMasker } from '../mask/create-masker.js';
import { colorsFor } from '../shared/colors-for.js';
import type { StatusFlags } from './command.js';

/** `telaio status RUN`: the run's status (or a schedule's), masked unless --reveal-secrets; exit 1 when unknown. */
export const handleStatus: CommandHandler<StatusFlags> = async ({ flags, positionals }) => {
  const id = positionals[0] ?? '';
  const masker = createMasker({ reveal: flags['reveal-secrets'] });
  return withDurableClient('status', flags['database-url'], async (client) => {
    const status = await client.status(id);
    if (status !== undefined) {
      process.stdout.write(
        flags.format === 'json'
          ? `${masker.text(JSON.stringify(statusAsJson(status, masker), null, 2))}\n`
          : formatRunStatus(status, masker, colorsFor(process.stdout)),
      );
      return 0;
    }
    const schedule = await client.scheduleStatus(id);
    if (schedule !== undefined) {
      process.stdout.write(
        flags.format === 'json'
          ? `${JSON.stringify(schedule, null, 2)}\n`
          : `schedule ${schedule.name}  ${schedule.status}\n  cron       ${schedule.cron}\n` +
              `  last fired ${schedule.lastFiredAt ?? 'never'}\n  runs (${schedule.runIds.length}): ${schedule.runIds.join(' ')}\n`,
      );
      return 0;
    }
    process.stderr.write(`telaio status: no durable run or schedule ${id} in this database (run-unknown)\n`);
    return 1;
  });
};
