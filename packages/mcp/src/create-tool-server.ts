import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import { callWorkflowTool } from './call-workflow-tool.js';
import type { Elicit } from './create-elicitation-provider.js';
import type { WorkflowToolsOptions } from './types.js';

const TEN_MINUTES = 600_000;

/**
 * A new MCP server (the SDK's low-level Server: tool schemas are JSON Schema from the documents,
 * not zod) serving one tool per workflow. One server per connection: the HTTP transport makes one
 * per session, stdio one in all. Progress goes out when the call carries a progress token; the
 * person's inputs are elicited on the call's own stream; the client's cancellation aborts the run.
 */
export function createToolServer(options: WorkflowToolsOptions): Server {
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const server = new Server(options.serverInfo ?? { name: 'telaio', version: '0.1.0' }, {
    capabilities: { tools: { listChanged: false } },
    instructions:
      'Each tool runs one Arazzo workflow end to end (its API calls in order, with their ids and secrets handled by the server). Give the inputs the tool lists; inputs for the person are asked of them directly.',
  });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: options.tools.map((tool) => ({
      name: tool.name,
      ...(tool.title === undefined ? {} : { title: tool.title }),
      description: tool.description,
      inputSchema: tool.inputSchema as { type: 'object'; [key: string]: unknown },
      outputSchema: tool.outputSchema as { type: 'object'; [key: string]: unknown },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    if (tool === undefined)
      throw new McpError(ErrorCode.InvalidParams, `unknown tool '${request.params.name}'`);
    const token = request.params._meta?.progressToken;
    const elicit: Elicit | undefined =
      server.getClientCapabilities()?.elicitation?.form === undefined
        ? undefined
        : (params, signal) =>
            server.elicitInput(params, {
              relatedRequestId: extra.requestId,
              signal,
              timeout: options.elicitationTimeoutMs ?? TEN_MINUTES,
            });
    return callWorkflowTool(
      {
        tool,
        args: request.params.arguments ?? {},
        signal: extra.signal,
        ...(token === undefined
          ? {}
          : {
              progress: (update) =>
                void extra
                  .sendNotification({
                    method: 'notifications/progress',
                    params: { progressToken: token, ...update },
                  })
                  .catch(() => undefined),
            }),
        ...(elicit === undefined ? {} : { elicit }),
      },
      options,
    );
  });
  return server;
}
