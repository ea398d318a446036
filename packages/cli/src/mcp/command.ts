import type { Command } from '../main.js';
import { UsageError } from '../shared/usage-error.js';
import { MCP_HELP } from './mcp-help.js';
import { parseMcpArgs } from './parse-mcp-args.js';

/**
 * `telaio mcp [options] FILE...`: serves every workflow as an MCP tool until the client
 * disconnects (stdio) or the process is stopped (HTTP). Exit 2 when it cannot start (usage, no
 * document to serve); see mcp-help.ts and CONTRACT.md.
 */
export const command: Command = async (argv) => {
  try {
    const options = parseMcpArgs(argv);
    if (options.help) {
      process.stdout.write(MCP_HELP);
      return 0;
    }
    const { executeMcp } = await import('./execute-mcp.js');
    return await executeMcp(options);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`telaio mcp: ${error.message}\n${error.detail ?? ''}`);
      if (error.detail === undefined && /^(missing FILE|Unknown option|--)/.test(error.message))
        process.stderr.write("Run 'telaio mcp --help' for the options.\n");
      return 2;
    }
    const e = error as { code?: string; message?: string };
    if (typeof e.code === 'string' && e.code !== '' && !(error instanceof TypeError)) {
      process.stderr.write(`telaio mcp: ${e.message ?? e.code} (${e.code})\n`);
      return 2;
    }
    throw error;
  }
};
