import type { CommandHandler, ParsedFlags } from '../commands/command-spec.js';
import { flagDefaults, pickFlags } from '../commands/flag-defaults.js';
import { type RunFlags, runCommand } from '../run/command.js';
import { type RunOptions, toRunOptions } from '../run/to-run-options.js';
import { UsageError } from '../shared/usage-error.js';
import type { McpFlags } from './command.js';
import { executeMcp } from './execute-mcp.js';

/** Everything `telaio mcp` was asked to do. */
export interface McpOptions {
  readonly files: readonly string[];
  /** `--http PORT`: Streamable HTTP on 127.0.0.1 (0 picks a free port); stdio when absent. */
  readonly httpPort?: number;
  /** `--reveal-output WORKFLOW.OUTPUT`: outputs handed to the agent unmasked. */
  readonly revealOutputs: readonly { readonly id: string; readonly output: string }[];
  /** The flags shared with `telaio run`, read by run's own reading (toRunOptions). */
  readonly run: RunOptions;
}

/** The flags of `telaio mcp` that are `telaio run`'s, with the same meaning: passed to run's reading. */
export const MCP_RUN_FLAGS = [
  'input-from',
  'server',
  'auth',
  'sandbox',
  'reveal-secrets',
  'timeout',
  'log-level',
] as const satisfies readonly (keyof McpFlags & keyof RunFlags)[];

/**
 * Run's flags for `telaio mcp`: every flag `run` declares at its default (so a new run flag is
 * never missing), format json, and the ones mcp shares with run (MCP_RUN_FLAGS) as given.
 */
export function toMcpRunFlags(flags: ParsedFlags<McpFlags>): ParsedFlags<RunFlags> {
  return { ...flagDefaults(runCommand.flags), format: 'json', ...pickFlags(flags, MCP_RUN_FLAGS) };
}

/** The serving `telaio mcp` was asked for, from its parsed flags; throws UsageError (exit 2). */
export function toMcpOptions(
  flags: ParsedFlags<McpFlags>,
  positionals: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): McpOptions {
  const runFlags = toMcpRunFlags(flags);
  const revealOutputs = flags['reveal-output'].map((text) => {
    const dot = text.indexOf('.');
    if (dot <= 0 || dot === text.length - 1)
      throw new UsageError(
        `--reveal-output takes WORKFLOW.OUTPUT (e.g. totp-enrollment.sessionToken), got '${text}'`,
      );
    return { id: text.slice(0, dot), output: text.slice(dot + 1) };
  });
  return {
    files: positionals,
    ...(flags.http === undefined ? {} : { httpPort: flags.http }),
    revealOutputs,
    run: toRunOptions(runFlags, positionals, env),
  };
}

/** `telaio mcp`: serve until the client leaves or a signal stops it (exit 0); exit 2 when it cannot start. */
export const handleMcp: CommandHandler<McpFlags> = async ({ flags, positionals }) =>
  executeMcp(toMcpOptions(flags, positionals));
