import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { DATABASE_URL_FLAG, DURABLE_ENVIRONMENT } from '../durable/durable-flags.js';
import { SHARED_FLAGS } from '../shared/flag-specs.js';

/** The formats of `telaio status`. */
export const STATUS_FORMATS = ['pretty', 'json'] as const;

/** The flags of `telaio status`. */
const flags = {
  format: { kind: 'choice', short: 'f', choices: STATUS_FORMATS, default: 'pretty', help: 'output format' },
  'database-url': DATABASE_URL_FLAG,
  'reveal-secrets': {
    ...SHARED_FLAGS['reveal-secrets'],
    help: `show secret-looking values, and what each checkpoint holds (response
bodies, received values): masked or left out by default`,
  },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type StatusFlags = typeof flags;

/** `telaio status RUN`: a durable run's state, steps so far and outputs. */
export const statusCommand = defineCommand({
  name: 'status',
  summary: "show a durable run's state, steps so far and outputs (or a schedule's runs)",
  description: `Shows a durable run: its state (enqueued, running, success, failure, error, cancelled), the
worker running it, the value it waits for (give it with telaio resolve), the steps it has passed so
far (each request's status code, sleeps), and once it ended its outputs or error, masked. Given the
name of a schedule (telaio submit --schedule), shows the schedule and its runs.`,
  positionals: { name: 'RUN', min: 1, max: 1 },
  flags,
  sections: [
    DURABLE_ENVIRONMENT,
    {
      title: 'Output',
      text: `--format json prints {"runId","state","workflowId","document","executorId","waitingFor",
"steps":[{"workflowId","stepId","kind","statusCode","errorCode","until"}],"result":{...},"error"};
"result" is telaio run's JSON result; with --reveal-secrets each step also has "value".`,
    },
    { title: 'Exit status', text: '0 shown, 1 no such run or schedule, 2 bad usage.' },
  ],
  examples: ['telaio status 0b9d6a4e-5a7c-4bd5-9c1e-8f0f3f0b5e21', 'telaio status RUN --format json'],
  handler: async () => (await import('./handle-status.js')).handleStatus,
});
