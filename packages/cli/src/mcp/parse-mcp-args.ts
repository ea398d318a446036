import { parseArgs } from 'node:util';
import { parseRunArgs, type RunOptions } from '../run/parse-run-args.js';
import { UsageError } from '../shared/usage-error.js';

/** Everything `telaio mcp` was asked to do. */
export interface McpOptions {
  readonly files: readonly string[];
  readonly help: boolean;
  /** `--http PORT`: Streamable HTTP on 127.0.0.1 (0 picks a free port); stdio when absent. */
  readonly httpPort?: number;
  /** `--reveal-output ID.OUTPUT` (repeatable): outputs handed to the agent unmasked; ID is a workflowId or tool name. */
  readonly revealOutputs: readonly { readonly id: string; readonly output: string }[];
  /** The options shared with `telaio run` (--server, --auth, --input-from, --sandbox, --reveal-secrets, --timeout, --log-level), parsed by run's own parser. */
  readonly run: RunOptions;
}

/** Flags `telaio mcp` shares with `telaio run`, with whether they take a value. */
const SHARED = {
  server: true,
  auth: true,
  'input-from': true,
  sandbox: false,
  'reveal-secrets': false,
  timeout: true,
  'log-level': true,
} as const;

/**
 * Parses `telaio mcp` arguments. The flags shared with `telaio run` go through run's parser, so
 * they mean and check exactly the same; throws UsageError (exit 2) on anything malformed.
 */
export function parseMcpArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): McpOptions {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length === 0) throw new UsageError('missing FILE');
  const shared: string[] = [];
  for (const [flag, takesValue] of Object.entries(SHARED)) {
    const value = (values as Record<string, unknown>)[flag];
    if (value === undefined || value === false) continue;
    if (!takesValue) shared.push(`--${flag}`);
    else for (const v of Array.isArray(value) ? value : [value]) shared.push(`--${flag}`, String(v));
  }
  const run = parseRunArgs([...shared, positionals[0] ?? 'FILE'], env);
  let httpPort: number | undefined;
  if (values.http !== undefined) {
    httpPort = Number(values.http);
    if (!/^\d+$/.test(values.http) || httpPort > 65535)
      throw new UsageError(
        `--http must be a port number (0-65535; 0 picks a free one), got '${values.http}'`,
      );
  }
  const revealOutputs = (values['reveal-output'] ?? []).map((text) => {
    const dot = text.indexOf('.');
    if (dot <= 0 || dot === text.length - 1)
      throw new UsageError(
        `--reveal-output takes WORKFLOW.OUTPUT (e.g. totp-enrollment.sessionToken), got '${text}'`,
      );
    return { id: text.slice(0, dot), output: text.slice(dot + 1) };
  });
  return {
    files: positionals,
    help,
    ...(httpPort === undefined ? {} : { httpPort }),
    revealOutputs,
    run,
  };
}

/** node:util parseArgs with `telaio mcp`'s options. */
function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      http: { type: 'string' },
      'reveal-output': { type: 'string', multiple: true },
      server: { type: 'string', multiple: true },
      auth: { type: 'string', multiple: true },
      'input-from': { type: 'string', multiple: true },
      sandbox: { type: 'boolean' },
      'reveal-secrets': { type: 'boolean' },
      timeout: { type: 'string' },
      'log-level': { type: 'string' },
    },
  });
}
