import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestTaskStore } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CreateTaskResult } from '@modelcontextprotocol/sdk/types.js';
import { callWorkflowTool, type ToolCall } from './call-workflow-tool.js';
import type { CancellingTaskStore } from './create-task-store.js';
import type { WorkflowToolsOptions } from './types.js';

/** How long a finished task's result is kept when the client asks for no ttl: one hour. */
const DEFAULT_TTL = 3_600_000;

/**
 * Runs a tool call as an MCP task (experimental in the SDK): the task is created and returned at
 * once, the workflow runs in the background, its result is stored for `tasks/result`. While the
 * person is asked for an input the task is `input_required` (the question travels through the
 * task's message queue); `tasks/cancel` aborts the run (CancellingTaskStore).
 */
export async function startToolTask(options: {
  readonly server: Server;
  readonly store: CancellingTaskStore;
  readonly taskStore: RequestTaskStore;
  readonly ttl?: number;
  readonly call: Omit<ToolCall, 'signal' | 'elicit'>;
  readonly canElicit: boolean;
  readonly elicitationTimeoutMs: number;
  readonly tools: WorkflowToolsOptions;
}): Promise<CreateTaskResult> {
  const { taskStore } = options;
  const task = await taskStore.createTask({ ttl: options.ttl ?? DEFAULT_TTL, pollInterval: 500 });
  const controller = new AbortController();
  const unwatch = options.store.watch(task.taskId, controller);
  const call: ToolCall = {
    ...options.call,
    signal: controller.signal,
    ...(options.canElicit
      ? {
          elicit: async (params, signal) => {
            await taskStore.updateTaskStatus(task.taskId, 'input_required');
            try {
              return await options.server.elicitInput(params, {
                relatedTask: { taskId: task.taskId },
                signal,
                timeout: options.elicitationTimeoutMs,
              });
            } finally {
              if (!signal.aborted)
                await taskStore.updateTaskStatus(task.taskId, 'working').catch(() => undefined);
            }
          },
        }
      : {}),
  };
  const log = options.tools.log;
  void callWorkflowTool(call, options.tools)
    .then(async (result) => {
      if (controller.signal.aborted) return;
      await taskStore.storeTaskResult(task.taskId, result.isError === true ? 'failed' : 'completed', result);
    })
    .catch((error: unknown) => log?.(`task ${task.taskId}: ${(error as Error).message ?? String(error)}`))
    .finally(unwatch);
  log?.(`task ${task.taskId} started for ${options.call.tool.name}`);
  return { task };
}
