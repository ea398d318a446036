import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { DATABASE_URL_FLAG, DURABLE_ENVIRONMENT } from '../durable/durable-flags.js';
import { SHARED_FLAGS } from '../shared/flag-specs.js';

/** The report formats of `telaio submit --wait`. */
export const SUBMIT_FORMATS = ['pretty', 'json'] as const;

/** The flags of `telaio submit`. */
const flags = {
  workflow: {
    kind: 'string',
    short: 'w',
    placeholder: 'ID',
    help: 'the workflow to run (may be left out when FILE has one)',
  },
  input: { ...SHARED_FLAGS.input, help: 'an input; VALUE is JSON when it parses, else a string' },
  inputs: { ...SHARED_FLAGS.inputs, help: 'inputs from a JSON or YAML object (--input wins)' },
  'input-from': {
    ...SHARED_FLAGS['input-from'],
    help: `an input resolved when the run first reads it:
  resolve[:DURATION]  wait (durably, default 24h) for telaio resolve
                      RUN NAME=VALUE from any process: a TOTP code
  env:VAR             the worker's environment variable VAR
  totp:EXPR           the current TOTP code for the base32 secret EXPR
                      yields, computed by the worker`,
  },
  server: SHARED_FLAGS.server,
  'run-id': {
    kind: 'string',
    placeholder: 'ID',
    help: `the run's id (default: a random UUID); submitting an id that exists
starts nothing new (use it to make a submit safe to repeat)`,
  },
  wait: {
    kind: 'boolean',
    help: `follow the run: its steps on stderr as they complete, what it waits
for, then its report on stdout (exit 0 success, 1 failure)`,
  },
  schedule: {
    kind: 'string',
    placeholder: 'CRON',
    help: `run it at every tick of CRON instead of once (5 fields, or 6 with
seconds first: '*/5 * * * *'); prints the schedule's name, which
telaio status and telaio cancel take`,
  },
  format: {
    kind: 'choice',
    short: 'f',
    choices: SUBMIT_FORMATS,
    default: 'pretty',
    help: 'report format of --wait',
  },
  'database-url': DATABASE_URL_FLAG,
  'reveal-secrets': SHARED_FLAGS['reveal-secrets'],
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type SubmitFlags = typeof flags;

/** `telaio submit FILE`: start a durable run (or a schedule of runs). */
export const submitCommand = defineCommand({
  name: 'submit',
  summary: 'start a durable run of a workflow on the workers (or schedule runs)',
  description: `Checks FILE and the workflow's inputs here, then puts one run on the telaio-runs queue for
telaio worker processes and prints its run id. With --wait it follows the run to its end. With
--schedule CRON a run starts at every tick instead (for API monitoring), and the schedule's name is
printed. The run's request (document path, inputs, servers) is stored encrypted with
TELAIO_JOURNAL_KEY; FILE is named by its absolute path, which every worker must be able to read.`,
  positionals: { name: 'FILE', min: 1, max: 1 },
  flags,
  sections: [
    DURABLE_ENVIRONMENT,
    {
      title: 'Exit status',
      text: `0 submitted (with --wait: the run succeeded), 1 the run failed, errored or was
cancelled (--wait), 2 bad usage, an invalid document or inputs.`,
    },
  ],
  examples: [
    'telaio submit orders.arazzo.yaml --workflow order --input item=book',
    'telaio submit orders.arazzo.yaml --input item=book --wait --format json',
    "telaio submit health.arazzo.yaml --schedule '*/5 * * * *' --server api=https://api.example.com",
    'telaio submit specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml \\',
    '    --input organization_id=... --input member_id=... --input-from code=resolve:10m',
    'telaio resolve RUN code=123456      # from any process, once the run waits for it',
  ],
  handler: async () => (await import('./handle-submit.js')).handleSubmit,
});
