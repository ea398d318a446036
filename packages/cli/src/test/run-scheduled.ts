/** One unit of work for runScheduled. */
export interface ScheduledTask<T> {
  /** Unique among the tasks. */
  readonly key: string;
  /** Keys of tasks that must end first (keys of no task are ignored). */
  readonly after: readonly string[];
  readonly run: () => Promise<T>;
}

/**
 * Run tasks at most `jobs` at a time, each once every task it comes `after` has ended, starting
 * ready tasks in the order given. A task after a failed one (`failed(result)`) does not run: its
 * result is `skip(key, failedKey)`. Tasks in a cycle (lint refuses those documents) are skipped
 * naming one of the others. Resolves with every task's result by key.
 */
export async function runScheduled<T>(options: {
  readonly tasks: readonly ScheduledTask<T>[];
  readonly jobs: number;
  readonly failed: (result: T) => boolean;
  readonly skip: (key: string, because: string) => T;
}): Promise<Map<string, T>> {
  const { tasks, jobs } = options;
  const keys = new Set(tasks.map((t) => t.key));
  const results = new Map<string, T>();
  const waiting = [...tasks];
  let running = 0;
  return new Promise((resolveAll, rejectAll) => {
    const pump = (): void => {
      for (let i = 0; i < waiting.length && running < jobs; ) {
        const task = waiting[i] as ScheduledTask<T>;
        const deps = task.after.filter((k) => keys.has(k) && k !== task.key);
        const failedDep = deps.find((k) => results.has(k) && options.failed(results.get(k) as T));
        if (failedDep !== undefined) {
          waiting.splice(i, 1);
          results.set(task.key, options.skip(task.key, failedDep));
          i = 0;
          continue;
        }
        if (!deps.every((k) => results.has(k))) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        running++;
        task.run().then(
          (result) => {
            running--;
            results.set(task.key, result);
            pump();
          },
          (error: unknown) => rejectAll(error),
        );
      }
      if (running === 0 && waiting.length > 0) {
        // Only tasks waiting on each other are left: a cycle.
        const task = waiting.shift() as ScheduledTask<T>;
        results.set(task.key, options.skip(task.key, task.after.find((k) => keys.has(k)) ?? task.key));
        pump();
        return;
      }
      if (running === 0 && waiting.length === 0) resolveAll(results);
    };
    pump();
  });
}

/** A counting semaphore: `acquire` resolves with a release function once fewer than `limit` hold it. */
export interface Semaphore {
  acquire(): Promise<() => void>;
}

/** One `--jobs` budget shared by the workflows of every file. */
export function createSemaphore(limit: number): Semaphore {
  let active = 0;
  const queue: (() => void)[] = [];
  const release = (): void => {
    active--;
    queue.shift()?.();
  };
  return {
    acquire: () =>
      new Promise((resolve) => {
        const take = (): void => {
          active++;
          resolve(release);
        };
        if (active < limit) take();
        else queue.push(take);
      }),
  };
}
