import { parseArgs } from 'node:util';
import { parseAssignment, parseInputValue } from '../shared/parse-assignment.js';
import { parseDuration } from '../shared/parse-duration.js';
import { UsageError } from '../shared/usage-error.js';
import { type AuthEntry, parseAuth } from './parse-auth.js';

/** Report formats of `telaio run`. */
export type RunFormat = 'pretty' | 'json' | 'junit';

/** An `--input-from NAME=PROVIDER[:ARG]`. */
export interface InputFrom {
  readonly name: string;
  readonly provider: 'prompt' | 'env' | 'totp';
  readonly arg?: string;
}

/** Everything `telaio run` was asked to do. */
export interface RunOptions {
  readonly file: string;
  readonly help: boolean;
  readonly workflowId?: string;
  /** `--input` values (JSON when they parse), in order; later wins. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The raw text of each `--input`, to keep a string the schema asks for (`code=012345`). */
  readonly rawInputs: Readonly<Record<string, string>>;
  readonly inputsFile?: string;
  readonly servers: Readonly<Record<string, string>>;
  readonly format: RunFormat;
  readonly output?: string;
  readonly har?: string;
  readonly inputFrom: readonly InputFrom[];
  /** `--auth` credentials, env: parts already read. */
  readonly auth: readonly AuthEntry[];
  readonly revealSecrets: boolean;
  readonly dryRun: boolean;
  readonly sandbox: boolean;
  readonly timeoutMs?: number;
  readonly logLevel?: string;
  /** `--checks`: check every response against its OpenAPI operation (status, content type, schema), as `telaio test` does. */
  readonly checks: boolean;
}

const FORMATS: readonly RunFormat[] = ['pretty', 'json', 'junit'];
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** Parses `telaio run` arguments (`--auth` env: parts read from `env`); throws UsageError (exit 2) on anything malformed. */
export function parseRunArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): RunOptions {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? 'missing FILE' : `expected one FILE, got ${positionals.length}`,
    );
  }
  const format = (values.format ?? 'pretty') as RunFormat;
  if (!FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${values.format}'`);
  const inputs: Record<string, unknown> = {};
  const rawInputs: Record<string, string> = {};
  for (const text of values.input ?? []) {
    const { name, value } = parseAssignment(text, '--input');
    inputs[name] = parseInputValue(value);
    rawInputs[name] = value;
  }
  const servers: Record<string, string> = {};
  for (const text of values.server ?? []) {
    const { name, value } = parseAssignment(text, '--server');
    if (!isHttpUrl(value)) throw new UsageError(`--server ${name}: '${value}' is not an http(s) URL`);
    servers[name] = value;
  }
  const inputFrom = (values['input-from'] ?? []).map(parseInputFrom);
  const auth = (values.auth ?? []).map((text) => parseAuth(text, env));
  if (values['dry-run'] === true && values.har !== undefined) {
    throw new UsageError('--har records what was sent, and --dry-run sends nothing: use one or the other');
  }
  const logLevel = values['log-level'] ?? (values.verbose === true ? 'debug' : undefined);
  if (logLevel !== undefined && !LOG_LEVELS.includes(logLevel)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`);
  }
  return {
    file: positionals[0] ?? '',
    help,
    ...(values.workflow === undefined ? {} : { workflowId: values.workflow }),
    inputs,
    rawInputs,
    ...(values.inputs === undefined ? {} : { inputsFile: values.inputs }),
    servers,
    format,
    ...(values.output === undefined ? {} : { output: values.output }),
    ...(values.har === undefined ? {} : { har: values.har }),
    inputFrom,
    auth,
    revealSecrets: values['reveal-secrets'] === true,
    dryRun: values['dry-run'] === true,
    checks: values.checks === true,
    sandbox: values.sandbox === true,
    ...(values.timeout === undefined ? {} : { timeoutMs: parseDuration(values.timeout, '--timeout') }),
    ...(logLevel === undefined ? {} : { logLevel }),
  };
}

/** True when `text` parses as an absolute URL (WHATWG rules) whose scheme is http or https. */
function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

function parseInputFrom(text: string): InputFrom {
  const { name, value } = parseAssignment(text, '--input-from');
  const colon = value.indexOf(':');
  const provider = colon < 0 ? value : value.slice(0, colon);
  const arg = colon < 0 ? undefined : value.slice(colon + 1);
  if (provider === 'prompt') return { name, provider };
  if ((provider === 'env' || provider === 'totp') && arg !== undefined && arg !== '')
    return { name, provider, arg };
  throw new UsageError(
    `--input-from ${name}: unknown provider '${value}' (use prompt, env:VAR or totp:EXPR, e.g. code=totp:$steps.createTotp.outputs.secret)`,
  );
}

/** node:util parseArgs with `telaio run`'s options. */
function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      workflow: { type: 'string', short: 'w' },
      input: { type: 'string', short: 'i', multiple: true },
      inputs: { type: 'string' },
      server: { type: 'string', multiple: true },
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      har: { type: 'string' },
      'input-from': { type: 'string', multiple: true },
      auth: { type: 'string', multiple: true },
      'reveal-secrets': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      checks: { type: 'boolean' },
      sandbox: { type: 'boolean' },
      timeout: { type: 'string' },
      'log-level': { type: 'string' },
      verbose: { type: 'boolean', short: 'v' },
    },
  });
}
