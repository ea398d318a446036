import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';

/** The output formats of `telaio list`; the handler writes exactly these. */
export const LIST_FORMATS = ['pretty', 'json'] as const;
/** One of LIST_FORMATS. */
export type ListFormat = (typeof LIST_FORMATS)[number];

/** The flags of `telaio list`. */
const flags = {
  format: {
    kind: 'choice',
    short: 'f',
    choices: LIST_FORMATS,
    default: 'pretty',
    help: 'output format',
  },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type ListFlags = typeof flags;

/** `telaio list FILE`: the workflows of a document with their inputs and outputs. */
export const listCommand = defineCommand({
  name: 'list',
  summary: 'list the workflows of a document with their inputs and outputs',
  description: `List the workflows of the Arazzo document FILE with their inputs (name, type, required) and
outputs. The document is only parsed, not validated (use 'telaio validate' for that).`,
  positionals: { name: 'FILE', min: 1, max: 1 },
  flags,
  sections: [
    { title: 'Exit status', text: '0 listed, 2 bad usage or a file that cannot be read or parsed.' },
  ],
  examples: [
    'telaio list specs/arazzo/stytch-b2b-totp-enrollment-workflow.yml',
    "telaio list flow.arazzo.yaml --format json | jq '.workflows[].workflowId'",
  ],
  handler: async () => (await import('./handle-list.js')).handleList,
});
