import {
  InMemoryTaskMessageQueue,
  InMemoryTaskStore,
} from '@modelcontextprotocol/sdk/experimental/tasks/stores/in-memory.js';
import type { Task } from '@modelcontextprotocol/sdk/types.js';

/**
 * The SDK's in-memory task store (experimental MCP tasks), which also aborts a task's run when
 * the client cancels it (`tasks/cancel` marks the task cancelled through updateTaskStatus).
 */
export class CancellingTaskStore extends InMemoryTaskStore {
  private readonly runs = new Map<string, AbortController>();

  /** Links a task to the controller of its run, until the run ends. */
  watch(taskId: string, controller: AbortController): () => void {
    this.runs.set(taskId, controller);
    return () => void this.runs.delete(taskId);
  }

  override async updateTaskStatus(
    taskId: string,
    status: Task['status'],
    statusMessage?: string,
    sessionId?: string,
  ): Promise<void> {
    await super.updateTaskStatus(taskId, status, statusMessage, sessionId);
    if (status === 'cancelled') this.runs.get(taskId)?.abort(new Error(statusMessage ?? 'task cancelled'));
  }

  /** Aborts every run and drops the cleanup timers (they would keep the process alive). */
  close(): void {
    for (const controller of this.runs.values()) controller.abort(new Error('server closed'));
    this.runs.clear();
    this.cleanup();
  }
}

/** A task store and the message queue that carries a task's elicitations to `tasks/result`. */
export function createTaskStore(): { store: CancellingTaskStore; queue: InMemoryTaskMessageQueue } {
  return { store: new CancellingTaskStore(), queue: new InMemoryTaskMessageQueue() };
}
