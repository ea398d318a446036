import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { type CheckSeverities, parseCheckSeverities } from '@telaio/core';
import { parseRunArgs, type RunOptions } from '../run/parse-run-args.js';
import { UsageError } from '../shared/usage-error.js';
import { parseTlsFlags, type TlsFlags } from './parse-tls-flags.js';
import { argsFromEnv, TEST_FLAGS } from './test-flags.js';

/** Report formats of `telaio test`. */
export const TEST_FORMATS = ['pretty', 'json', 'junit', 'sarif', 'github'] as const;
/** One of TEST_FORMATS. */
export type TestFormat = (typeof TEST_FORMATS)[number];

/** Everything `telaio test` was asked to do. */
export interface TestOptions {
  readonly help: boolean;
  /** FILE, DIR or GLOB arguments, as typed. */
  readonly targets: readonly string[];
  readonly workflows: readonly string[];
  readonly skip: readonly string[];
  readonly jobs: number;
  /** The flags `test` shares with `run` (inputs, servers, auth, secrets, timeout, sandbox), parsed as run parses them. */
  readonly run: RunOptions;
  /** Severity per response check; `undefined` with --no-checks. */
  readonly severities: CheckSeverities | undefined;
  readonly tls: TlsFlags;
  readonly format: TestFormat;
  readonly output?: string;
}

const SHARED_WITH_RUN = ['input', 'inputs', 'input-from', 'server', 'auth', 'timeout', 'log-level'] as const;
const SHARED_SWITCHES = ['reveal-secrets', 'sandbox'] as const;

/**
 * Parse `telaio test` arguments, each flag not given taken from its TELAIO_ variable; the flags it
 * shares with `run` go through run's own parser, so both commands read them alike. Throws UsageError.
 */
export function parseTestArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): TestOptions {
  const given = new Set(
    argv.flatMap((a) => (a.startsWith('--') ? [a.slice(2).split('=')[0] ?? ''] : [])).filter((a) => a !== ''),
  );
  for (const [name, flag] of Object.entries(TEST_FLAGS))
    if ('short' in flag && argv.some((a) => a === `-${flag.short}` || a.startsWith(`-${flag.short}=`)))
      given.add(name);
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions([...argsFromEnv(given, env), ...argv]);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError('missing FILE, DIR or GLOB');
  const format = (values.format ?? 'pretty') as TestFormat;
  if (!TEST_FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${TEST_FORMATS.join(', ')}, got '${values.format}'`);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError(`--jobs expects a whole number >= 1, got '${values.jobs}'`);
  const runArgv: string[] = ['--format', 'json', 'FILE'];
  for (const name of SHARED_WITH_RUN) {
    const value = values[name];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
      runArgv.push(`--${name}`, item);
  }
  for (const name of SHARED_SWITCHES) if (values[name] === true) runArgv.push(`--${name}`);
  let severities: CheckSeverities | undefined = {};
  try {
    for (const text of values.severity ?? []) severities = parseCheckSeverities(text, severities);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values['no-checks'] === true) severities = undefined;
  return {
    help,
    targets: positionals,
    workflows: values.workflow ?? [],
    skip: values.skip ?? [],
    jobs,
    run: parseRunArgs(runArgv, env),
    severities,
    tls: parseTlsFlags({
      clientCert: values['client-cert'] ?? [],
      clientKey: values['client-key'] ?? [],
      caCert: values['ca-cert'] ?? [],
      insecure: values.insecure === true,
    }),
    format,
    ...(values.output === undefined ? {} : { output: values.output }),
  };
}

/** node:util parseArgs over TEST_FLAGS. */
function parseOptions(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: TEST_FLAGS });
}
