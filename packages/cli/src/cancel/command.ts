import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { DATABASE_URL_FLAG, DURABLE_ENVIRONMENT } from '../durable/durable-flags.js';

/** The flags of `telaio cancel`. */
const flags = {
  'database-url': DATABASE_URL_FLAG,
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type CancelFlags = typeof flags;

/** `telaio cancel RUN`: cancel a durable run (or delete a schedule). */
export const cancelCommand = defineCommand({
  name: 'cancel',
  summary: 'cancel a durable run (or delete a schedule)',
  description: `Cancels durable run RUN: it sends nothing more; a run that sleeps (retryAfter) or waits for a
value stops within a second, one that is sending stops when that request ends. Given the name of a
schedule (telaio submit --schedule), deletes the schedule; runs it already started are not cancelled.`,
  positionals: { name: 'RUN', min: 1, max: 1 },
  flags,
  sections: [
    DURABLE_ENVIRONMENT,
    { title: 'Exit status', text: '0 cancelled, 1 no such run or schedule, 2 bad usage.' },
  ],
  examples: ['telaio cancel 0b9d6a4e-5a7c-4bd5-9c1e-8f0f3f0b5e21', 'telaio cancel telaio-schedule-...'],
  handler: async () => (await import('./handle-cancel.js')).handleCancel,
});
