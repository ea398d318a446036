import { defineCommand, type FlagSpecs } from '../commands/command-spec.js';
import { SHARED_FLAGS } from '../shared/flag-specs.js';

/** The flags of `telaio mcp`: its own (--http, --reveal-output), and those it shares with run. */
const flags = {
  http: {
    kind: 'integer',
    min: 0,
    max: 65535,
    placeholder: 'PORT',
    help: 'serve Streamable HTTP on http://127.0.0.1:PORT/mcp (0: a free port,\nprinted on stderr); stdio when left out',
  },
  server: SHARED_FLAGS.server,
  auth: {
    ...SHARED_FLAGS.auth,
    help: 'a credential for a source (as for run; VALUE parts may be env:VAR);\ncredentials never come from the agent',
  },
  'input-from': {
    ...SHARED_FLAGS['input-from'],
    help: `an input resolved when the workflow first reads it:
  prompt     ask the person through the client (MCP elicitation)
  env:VAR    the environment variable VAR
  totp:EXPR  the current TOTP code for the base32 secret EXPR yields`,
  },
  sandbox: SHARED_FLAGS.sandbox,
  'reveal-secrets': {
    ...SHARED_FLAGS['reveal-secrets'],
    help: 'hand secret-looking outputs to the agent unmasked (masked by default)',
  },
  'reveal-output': {
    kind: 'string',
    multiple: true,
    placeholder: 'WORKFLOW.OUTPUT',
    help: 'hand this one output to the agent unmasked, e.g.\ntotp-enrollment.sessionToken',
  },
  timeout: SHARED_FLAGS.timeout,
  'log-level': {
    ...SHARED_FLAGS['log-level'],
    help: 'HTTP log lines on stderr (masked)',
  },
} as const satisfies FlagSpecs;
/** The flags' declaration type (the handler's parsed flags derive from it). */
export type McpFlags = typeof flags;

/** `telaio mcp [options] FILE...`: every workflow of the documents as an MCP tool. */
export const mcpCommand = defineCommand({
  name: 'mcp',
  summary: 'serve every workflow of documents as an MCP tool for AI agents (stdio or HTTP)',
  description: `Serve every workflow of the Arazzo documents FILE... as a Model Context Protocol tool, for AI
agents. Documents are loaded and checked once, at start: an invalid one is reported on stderr
and not served.

Each tool runs its workflow end to end and returns its status, outputs (secrets masked) and, on
failure, the failed step and why. Progress is reported per step; cancelling the call aborts the
run. Inputs the agent must not invent are asked of the person through the client (MCP
elicitation) when the workflow first reads them: --input-from NAME=prompt, inputs with
format: password, and TOTP codes sent to a TOTP authenticate operation (with the enrolment key
URI when the run just created it).`,
  positionals: { name: 'FILE', min: 1, max: Number.POSITIVE_INFINITY },
  flags,
  sections: [
    {
      title: 'Exit status',
      text: '0 when the client disconnects (stdio) or a signal stops the server (HTTP); 2 when no given\ndocument can be served, or on bad usage. With stdio, stdout carries only the protocol.',
    },
    {
      title: 'MCP client configuration',
      text: `{"mcpServers": {"telaio": {"command": "node",
  "args": ["/abs/telaio/packages/cli/bin/telaio.js", "mcp", "/abs/flow.arazzo.yaml"],
  "env": {"STYTCH_PROJECT_ID": "...", "STYTCH_SECRET": "..."}}}}`,
    },
  ],
  examples: [
    'telaio mcp specs/arazzo/*.yml --sandbox',
    'STYTCH_PROJECT_ID=project-test-... STYTCH_SECRET=secret-test-... telaio mcp specs/arazzo/*.yml',
    "telaio mcp flow.arazzo.yaml --http 8931 --auth 'petstore=bearer:env:PETSTORE_TOKEN'",
  ],
  handler: async () => (await import('./handle-mcp.js')).handleMcp,
});
