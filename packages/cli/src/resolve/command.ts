import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { DATABASE_URL_FLAG, DURABLE_ENVIRONMENT } from '../durable/durable-flags.js';

/** The flags of `telaio resolve`. */
const flags = {
  json: {
    kind: 'boolean',
    help: 'VALUE is JSON (default: a string, so a code such as 012345 keeps its zero)',
  },
  'database-url': DATABASE_URL_FLAG,
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type ResolveFlags = typeof flags;

/** `telaio resolve RUN NAME=VALUE`: give a waiting durable run the value it asked for. */
export const resolveCommand = defineCommand({
  name: 'resolve',
  summary: 'give a durable run the value it waits for (a TOTP code)',
  description: `Sends VALUE to durable run RUN under NAME: an input submitted with --input-from NAME=resolve,
such as the TOTP code a person reads from an authenticator app. The run may be waiting for it now
(telaio status shows "waiting for NAME") or reach that input later; the value is kept until it does.
It travels encrypted with TELAIO_JOURNAL_KEY and is never printed.`,
  positionals: { name: 'RUN NAME=VALUE', min: 2, max: 2 },
  flags,
  sections: [
    DURABLE_ENVIRONMENT,
    { title: 'Exit status', text: '0 sent, 1 no such run or it has ended, 2 bad usage.' },
  ],
  examples: ['telaio resolve 0b9d6a4e-5a7c-4bd5-9c1e-8f0f3f0b5e21 code=123456'],
  handler: async () => (await import('./handle-resolve.js')).handleResolve,
});
