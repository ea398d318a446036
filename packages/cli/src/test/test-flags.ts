/**
 * The flags of `telaio test`, in one table: the parser, `--help` and the environment variables all
 * derive from it. Every flag can come from `TELAIO_<FLAG>` (upper case, `-` as `_`), as Respect
 * reads each of its flags from `REDOCLY_CLI_RESPECT_<FLAG>`; a flag on the command line wins over
 * its variable. A repeatable flag's variable holds several values separated by commas (or newlines).
 */

/** One flag of `telaio test`. */
export interface TestFlag {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  /** The value placeholder in help (`ID`, `FILE`), for string flags. */
  readonly arg?: string;
  /** One or more help lines. */
  readonly help: string;
  /** False for flags that make no sense from the environment (`--help`). */
  readonly env?: false;
}

/** Every flag by name. */
export const TEST_FLAGS = {
  workflow: {
    type: 'string',
    multiple: true,
    short: 'w',
    arg: 'ID',
    help: 'run only this workflow (repeatable)',
  },
  skip: { type: 'string', multiple: true, arg: 'ID', help: 'skip this workflow (repeatable)' },
  jobs: {
    type: 'string',
    short: 'j',
    arg: 'N',
    help: 'independent workflows run in parallel, N at a time (default: the number of cores)',
  },
  input: {
    type: 'string',
    multiple: true,
    short: 'i',
    arg: 'NAME=VALUE',
    help: 'an input for every workflow that declares NAME (repeatable); VALUE is JSON when it parses',
  },
  inputs: {
    type: 'string',
    arg: 'FILE',
    help: 'inputs from a JSON or YAML object: keyed by workflowId, or one flat map for all',
  },
  'input-from': {
    type: 'string',
    multiple: true,
    arg: 'NAME=PROVIDER[:ARG]',
    help: 'an input resolved when first read: prompt, env:VAR, totp:EXPR (as for run)',
  },
  server: {
    type: 'string',
    multiple: true,
    arg: 'SOURCE=URL',
    help: 'base URL for one source description (repeatable)',
  },
  auth: {
    type: 'string',
    multiple: true,
    arg: 'SOURCE[.SCHEME]=KIND:VALUE',
    help: 'a credential for a source (as for run; VALUE parts may be env:VAR)',
  },
  severity: {
    type: 'string',
    multiple: true,
    arg: 'CHECK=LEVEL,...',
    help: 'error|warn|off per response check (status-code, content-type, schema; Respect names STATUS_CODE_CHECK, CONTENT_TYPE_CHECK, SCHEMA_CHECK accepted)',
  },
  'no-checks': { type: 'boolean', help: 'no response checks at all (successCriteria only)' },
  'client-cert': {
    type: 'string',
    multiple: true,
    arg: '[SOURCE=]PATH',
    help: 'TLS client certificate (PEM) for SOURCE, or for every source',
  },
  'client-key': {
    type: 'string',
    multiple: true,
    arg: '[SOURCE=]PATH',
    help: 'its private key (PEM; never logged)',
  },
  'ca-cert': {
    type: 'string',
    multiple: true,
    arg: '[SOURCE=]PATH',
    help: 'CA certificate (PEM) to trust for SOURCE, or for every source',
  },
  insecure: { type: 'boolean', help: 'do not verify TLS certificates (a warning is printed)' },
  format: {
    type: 'string',
    short: 'f',
    arg: 'FORMAT',
    help: 'pretty|json|junit|sarif|github (default pretty)',
  },
  output: { type: 'string', short: 'o', arg: 'FILE', help: 'write the report to FILE instead of stdout' },
  timeout: { type: 'string', arg: 'DURATION', help: 'per-request time limit: 30s, 500ms, 2m (default 30s)' },
  sandbox: { type: 'boolean', help: 'start the embedded Stytch sandbox and point Stytch sources at it' },
  'reveal-secrets': {
    type: 'boolean',
    help: 'show credentials and secret-looking values (masked by default)',
  },
  'log-level': {
    type: 'string',
    arg: 'LEVEL',
    help: 'HTTP log lines on stderr (trace|debug|info|warn|error)',
  },
  help: { type: 'boolean', short: 'h', help: 'this help', env: false },
} as const satisfies Readonly<Record<string, TestFlag>>;

/** A flag name. */
export type TestFlagName = keyof typeof TEST_FLAGS;

/** The environment variable of a flag: `TELAIO_CLIENT_CERT` for `--client-cert`. */
export function envNameOf(flag: string): string {
  return `TELAIO_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * Command-line arguments from the environment, for each flag the command line does not give:
 * `TELAIO_SEVERITY=schema=warn` becomes `--severity schema=warn`; a boolean is on for `1`/`true`/`yes`.
 */
export function argsFromEnv(given: ReadonlySet<string>, env: NodeJS.ProcessEnv): string[] {
  const args: string[] = [];
  for (const [name, flag] of Object.entries(TEST_FLAGS) as [string, TestFlag][]) {
    const value = env[envNameOf(name)];
    if (flag.env === false || given.has(name) || value === undefined || value.trim() === '') continue;
    if (flag.type === 'boolean') {
      if (/^(1|true|yes|on)$/i.test(value.trim())) args.push(`--${name}`);
    } else if (flag.multiple === true) {
      for (const part of splitList(name, value)) args.push(`--${name}=${part}`);
    } else args.push(`--${name}=${value.trim()}`);
  }
  return args;
}

/** A repeatable flag's variable as values: a JSON object for `input` (`{"petId": 7}`), else a comma or newline list. */
function splitList(name: string, value: string): string[] {
  if (name === 'input' && value.trim().startsWith('{')) {
    try {
      const object = JSON.parse(value) as Record<string, unknown>;
      return Object.entries(object).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    } catch {
      // Not JSON: a list like any other.
    }
  }
  return value
    .split(/[\n,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
