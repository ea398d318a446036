import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createToolServer } from './create-tool-server.js';
import type { WorkflowToolsOptions } from './types.js';

/**
 * Serves the workflow tools over stdio (stdin/stdout carry JSON-RPC; nothing else may write to
 * stdout). Resolves when the client closes the connection (stdin ends).
 */
export async function serveStdio(options: WorkflowToolsOptions): Promise<void> {
  const server = createToolServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    const previous = server.onclose;
    server.onclose = () => {
      previous?.();
      resolve();
    };
    process.stdin.once('end', () => void server.close().then(resolve, resolve));
  });
  await server.connect(transport);
  await closed;
}
