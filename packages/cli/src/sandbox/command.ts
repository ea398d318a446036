import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';

/** The flags of `telaio sandbox`. */
const flags = {
  port: {
    kind: 'integer',
    min: 0,
    max: 65535,
    default: '0',
    placeholder: 'N',
    env: 'TELAIO_SANDBOX_PORT',
    help: 'port to listen on (0: a free one)',
  },
  'project-id': {
    kind: 'string',
    placeholder: 'ID',
    help: 'project id for HTTP Basic (default: project-test-<uuid>)',
  },
  secret: { kind: 'string', placeholder: 'SECRET', help: 'project secret for HTTP Basic (default: random)' },
  quiet: { kind: 'boolean', help: 'do not log requests' },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type SandboxFlags = typeof flags;

/** `telaio sandbox`: the local Stytch-compatible sandbox, served until stopped. */
export const sandboxCommand = defineCommand({
  name: 'sandbox',
  summary: 'start the local Stytch-compatible sandbox',
  description: `Starts a local Stytch-compatible server (users, organizations, members, TOTP, recovery codes,
sessions) on 127.0.0.1, with real TOTP codes and a fresh in-memory state, prints its base URL,
project id, secret and seeded records, and serves until Ctrl-C (SIGINT), SIGTERM or SIGHUP.`,
  positionals: { name: 'ARG', min: 0, max: 0 },
  flags,
  sections: [
    { title: 'Exit status', text: '0 stopped by a signal, 1 the sandbox could not start, 2 bad usage.' },
  ],
  examples: [
    'telaio sandbox --port 4010 --project-id project-test-local --secret secret-test-local',
    'curl -u project-test-local:secret-test-local http://127.0.0.1:4010/v1/b2b/recovery_codes/\\',
    '  organization-test-00000000-0000-4000-8000-000000000001/member-test-00000000-0000-4000-8000-000000000002',
  ],
  handler: async () => (await import('./handle-sandbox.js')).handleSandbox,
});
