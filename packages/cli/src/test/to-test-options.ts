import { availableParallelism } from 'node:os';
import { type CheckSeverities, parseCheckSeverities } from '@telaio/core';
import type { ParsedFlags } from '../commands/command-spec.js';
import { flagDefaults, pickFlags } from '../commands/flag-defaults.js';
import { type RunFlags, runCommand } from '../run/command.js';
import { type RunOptions, toRunOptions } from '../run/to-run-options.js';
import { UsageError } from '../shared/usage-error.js';
import type { TestFlags, TestFormat } from './command.js';
import { parseTlsFlags, type TlsFlags } from './parse-tls-flags.js';

/** Everything `telaio test` was asked to do. */
export interface TestOptions {
  /** FILE, DIR or GLOB arguments, as typed. */
  readonly targets: readonly string[];
  readonly workflows: readonly string[];
  readonly skip: readonly string[];
  readonly jobs: number;
  /** The flags `test` shares with `run` (inputs, servers, auth, secrets, timeout, sandbox), read as run reads them. */
  readonly run: RunOptions;
  /** Severity per response check; `undefined` with --no-checks. */
  readonly severities: CheckSeverities | undefined;
  readonly tls: TlsFlags;
  readonly format: TestFormat;
  readonly output?: string;
  /** `--execution-timeout` in milliseconds: the whole run is aborted after it. */
  readonly executionTimeoutMs?: number;
}

/**
 * The flags of `telaio test` that are `telaio run`'s, with the same meaning: passed to run's
 * reading. Not `severity` (test's is per response check), `workflow` (repeatable), `format`, `output`.
 */
export const TEST_RUN_FLAGS = [
  'input',
  'inputs',
  'input-from',
  'server',
  'auth',
  'max-steps',
  'sandbox',
  'reveal-secrets',
  'timeout',
  'har',
  'log-level',
  'report',
] as const satisfies readonly (keyof TestFlags & keyof RunFlags)[];

/**
 * Run's flags for `telaio test`: every flag `run` declares at its default (so a new run flag is
 * never missing), format json, and the ones test shares with run (TEST_RUN_FLAGS) as given.
 */
export function toTestRunFlags(flags: ParsedFlags<TestFlags>): ParsedFlags<RunFlags> {
  return { ...flagDefaults(runCommand.flags), format: 'json', ...pickFlags(flags, TEST_RUN_FLAGS) };
}

/**
 * The test `telaio test` was asked for, from its parsed flags; the flags it shares with `run` go
 * through run's own reading (toRunOptions), so both commands read them alike. Throws UsageError.
 */
export function toTestOptions(
  flags: ParsedFlags<TestFlags>,
  positionals: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): TestOptions {
  let severities: CheckSeverities | undefined = {};
  try {
    for (const text of flags.severity) severities = parseCheckSeverities(text, severities);
  } catch (error) {
    throw new UsageError((error as Error).message, undefined, { showUsage: true });
  }
  if (flags['no-checks']) severities = undefined;
  return {
    targets: positionals,
    workflows: flags.workflow,
    skip: flags.skip,
    jobs: flags.jobs ?? availableParallelism(),
    run: toRunOptions(toTestRunFlags(flags), ['FILE'], env),
    severities,
    tls: parseTlsFlags({
      clientCert: flags['client-cert'],
      clientKey: flags['client-key'],
      caCert: flags['ca-cert'],
      insecure: flags.insecure,
    }),
    format: flags.format,
    ...(flags.output === undefined ? {} : { output: flags.output }),
    ...(flags['execution-timeout'] === undefined ? {} : { executionTimeoutMs: flags['execution-timeout'] }),
  };
}
