import type { FlagSpec } from '../commands/command-spec.js';

/*
 * The flags several commands declare, declared once: kind, value placeholder, repeatability,
 * choices and environment variable live here; a command whose help words a flag for its own case
 * spreads the spec and gives its own `help` (`{ ...SHARED_FLAGS.auth, help: '...' }`), and `test`
 * its TELAIO_<FLAG> variable. packages/cli/test/shared-flag-specs.test.ts checks that every command
 * declaring a flag of one of these names keeps these fields.
 */

/** The levels of `--log-level` (pino's, and `silent`). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** The formats of `--report FORMAT FILE` (run, test); report/html-write-report.ts keys its writers by these. */
export const REPORT_FORMATS = ['html'] as const;
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `--severity RULE=LEVEL`: a lint rule's severity (run, validate; test's `--severity` is per check). */
const severity = {
  kind: 'string',
  multiple: true,
  placeholder: 'RULE=error|warn|off',
  env: 'TELAIO_SEVERITY',
  help: `override a rule's severity (a rule id or a diagnostic code of the
severity table, docs/rules.md); several may be given, comma-separated`,
} as const satisfies FlagSpec;

/** The flags shared between commands, by the long name they are declared under. */
export const SHARED_FLAGS = {
  severity,
  strict: { kind: 'boolean', env: 'TELAIO_STRICT' },
  input: { kind: 'string', short: 'i', multiple: true, placeholder: 'NAME=VALUE' },
  inputs: { kind: 'string', placeholder: 'FILE' },
  'input-from': { kind: 'string', multiple: true, placeholder: 'NAME=PROVIDER[:ARG]' },
  server: {
    kind: 'string',
    multiple: true,
    placeholder: 'SOURCE=URL',
    help: `base URL for one source description: http(s) for an OpenAPI source,
the broker for an AsyncAPI one (mqtt://, mqtts://, ws://, wss://,
amqp://, amqps://; user:password@ in it is a login, never shown)`,
  },
  auth: { kind: 'string', multiple: true, placeholder: 'SOURCE[.SCHEME]=KIND:VALUE' },
  sandbox: { kind: 'boolean', help: 'start the embedded Stytch sandbox and point Stytch sources at it' },
  'reveal-secrets': {
    kind: 'boolean',
    help: 'show credentials and secret-looking values (masked by default)',
  },
  output: {
    kind: 'string',
    short: 'o',
    placeholder: 'FILE',
    help: 'write the report to FILE instead of stdout',
  },
  har: { kind: 'string', placeholder: 'FILE' },
  report: {
    kind: 'choice',
    choices: REPORT_FORMATS,
    operand: 'FILE',
    help: `also write the report to FILE as one self-contained HTML page (no
network): outcome, timeline of the steps with retries and gotos, each
request and response, criteria verdicts, outputs, the failure with its
Arazzo line, the graph with the path taken; masked like every report`,
  },
  timeout: {
    kind: 'duration',
    placeholder: 'DURATION',
    env: 'TELAIO_TIMEOUT',
    help: 'per-request time limit: 30s, 500ms, 2m (default 30s)',
  },
  'max-steps': { kind: 'integer', min: 1, default: '1000', placeholder: 'N', env: 'TELAIO_MAX_STEPS' },
  'log-level': { kind: 'choice', choices: LOG_LEVELS, env: 'TELAIO_LOG_LEVEL' },
} as const satisfies Readonly<Record<string, Omit<FlagSpec, 'help'> & { readonly help?: string }>>;

/** Flags that share a name with a SHARED_FLAGS entry but are another flag: `command --flag`. */
export const UNSHARED_FLAGS: readonly string[] = ['test --severity'];
