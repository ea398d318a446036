import type { ParsedFlags } from '../commands/command-spec.js';
import type { ReportFormat } from '../shared/flag-specs.js';
import { parseAssignment } from '../shared/parse-assignment.js';
import { parseSize } from '../shared/parse-size.js';
import { readInputAssignments } from '../shared/read-input-assignments.js';
import { readServerAssignments } from '../shared/read-server-assignments.js';
import { UsageError } from '../shared/usage-error.js';
import type { RunFlags, RunFormat } from './command.js';
import { type AuthEntry, parseAuth } from './parse-auth.js';

/** An `--input-from NAME=PROVIDER[:ARG]`. */
export interface InputFrom {
  readonly name: string;
  readonly provider: 'prompt' | 'env' | 'totp';
  readonly arg?: string;
}

/** Everything `telaio run` was asked to do. */
export interface RunOptions {
  readonly file: string;
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
  /** `--report FORMAT FILE`: a report file besides the one on stdout or --output. */
  readonly report?: { readonly format: ReportFormat; readonly file: string };
  readonly inputFrom: readonly InputFrom[];
  /** `--auth` credentials, env: parts already read. */
  readonly auth: readonly AuthEntry[];
  readonly revealSecrets: boolean;
  readonly dryRun: boolean;
  readonly sandbox: boolean;
  /** `--checks`: check every response against its OpenAPI operation (status, content type, schema), as `telaio test` does. */
  readonly checks: boolean;
  /** `--severity RULE=LEVEL` as given (read into core's overrides when the run starts). */
  readonly severity: readonly string[];
  /** `--strict`: an undeclared input is an error. */
  readonly strict: boolean;
  /** `--max-steps`: step executions allowed in one run. */
  readonly maxSteps: number;
  readonly timeoutMs?: number;
  readonly logLevel?: string;
  /** `--max-response-size`: most bytes of one response body, after decompression. */
  readonly maxResponseBytes?: number;
  /** `--max-retry-wait`: longest wait before a retry (Retry-After or retryAfter). */
  readonly maxRetryWaitMs?: number;
  /** `--allow-insecure-redirects`: follow https → http redirects. */
  readonly allowInsecureRedirects: boolean;
}

/**
 * The run `telaio run` was asked for, from its parsed flags: `--input`/`--server`/`--input-from`
 * assignments split and checked, `--auth` parsed (its env: parts read from `env`). Throws UsageError
 * (exit 2) on anything malformed.
 */
export function toRunOptions(
  flags: ParsedFlags<RunFlags>,
  positionals: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): RunOptions {
  const { inputs, rawInputs } = readInputAssignments(flags.input);
  const servers = readServerAssignments(flags.server);
  const inputFrom = flags['input-from'].map(parseInputFrom);
  const auth = flags.auth.map((text) => parseAuth(text, env));
  if (flags['dry-run'] && flags.har !== undefined) {
    throw new UsageError(
      '--har records what was sent, and --dry-run sends nothing: use one or the other',
      undefined,
      {
        showUsage: true,
      },
    );
  }
  const logLevel = flags['log-level'] ?? (flags.verbose ? 'debug' : undefined);
  return {
    file: positionals[0] ?? '',
    ...(flags.workflow === undefined ? {} : { workflowId: flags.workflow }),
    inputs,
    rawInputs,
    ...(flags.inputs === undefined ? {} : { inputsFile: flags.inputs }),
    servers,
    format: flags.format,
    ...(flags.output === undefined ? {} : { output: flags.output }),
    ...(flags.har === undefined ? {} : { har: flags.har }),
    ...(flags.report === undefined ? {} : { report: { format: flags.report[0], file: flags.report[1] } }),
    inputFrom,
    auth,
    revealSecrets: flags['reveal-secrets'],
    dryRun: flags['dry-run'],
    checks: flags.checks,
    severity: flags.severity,
    sandbox: flags.sandbox,
    strict: flags.strict,
    maxSteps: flags['max-steps'],
    ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout }),
    ...(logLevel === undefined ? {} : { logLevel }),
    ...(flags['max-response-size'] === undefined
      ? {}
      : { maxResponseBytes: parseSize(flags['max-response-size'], '--max-response-size') }),
    ...(flags['max-retry-wait'] === undefined ? {} : { maxRetryWaitMs: flags['max-retry-wait'] }),
    allowInsecureRedirects: flags['allow-insecure-redirects'],
  };
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
