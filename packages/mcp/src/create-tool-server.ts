import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  type CreateTaskResult,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import { callWorkflowTool } from './call-workflow-tool.js';
import type { Elicit } from './create-elicitation-provider.js';
import type { ProgressUpdate } from './create-progress-hooks.js';
import { createTaskStore } from './create-task-store.js';
import { startToolTask } from './start-tool-task.js';
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
  const tasks = createTaskStore();
  const timeout = options.elicitationTimeoutMs ?? TEN_MINUTES;
  const server = new Server(options.serverInfo ?? { name: 'telaio', version: '0.1.0' }, {
    capabilities: {
      tools: { listChanged: false },
      tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
    },
    taskStore: tasks.store,
    taskMessageQueue: tasks.queue,
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
      execution: { taskSupport: 'optional' as const },
    })),
  }));
  server.setRequestHandler(
    CallToolRequestSchema,
    async (request, extra): Promise<CallToolResult | CreateTaskResult> => {
      const tool = byName.get(request.params.name);
      if (tool === undefined)
        throw new McpError(ErrorCode.InvalidParams, `unknown tool '${request.params.name}'`);
      const token = request.params._meta?.progressToken;
      const canElicit = server.getClientCapabilities()?.elicitation?.form !== undefined;
      const args = request.params.arguments ?? {};
      const progress =
        token === undefined
          ? {}
          : {
              progress: (update: ProgressUpdate) =>
                extra
                  .sendNotification({
                    method: 'notifications/progress',
                    params: { progressToken: token, ...update },
                  })
                  .catch(() => undefined),
            };
      if (request.params.task !== undefined && extra.taskStore !== undefined) {
        return startToolTask({
          server,
          store: tasks.store,
          taskStore: extra.taskStore,
          ...(request.params.task.ttl === undefined ? {} : { ttl: request.params.task.ttl }),
          call: { tool, args, ...progress },
          canElicit,
          elicitationTimeoutMs: timeout,
          tools: options,
        });
      }
      const elicit: Elicit | undefined = canElicit
        ? (params, signal) =>
            server.elicitInput(params, { relatedRequestId: extra.requestId, signal, timeout })
        : undefined;
      return callWorkflowTool(
        { tool, args, signal: extra.signal, ...progress, ...(elicit === undefined ? {} : { elicit }) },
        options,
      );
    },
  );
  server.onclose = () => tasks.store.close();
  return server;
}
