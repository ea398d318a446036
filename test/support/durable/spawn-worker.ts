/**
 * Worker processes for the durable-run tests (test/fixtures/durable-worker.mjs, or any command):
 * their stdout lines collected, `ready` awaited, killed at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A worker process under test. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** Resolves with the first stdout line matching `pattern` (now or later). */
  line(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves when the process exited. */
  readonly exited: Promise<number | null>;
}

/** The fixture worker's path. */
export const FIXTURE_WORKER = fileURLToPath(new URL('./durable-worker.mjs', import.meta.url));

/** Spawn `node ARGS` with `env` added; stderr is kept for failures. */
export function spawnWorker(args: readonly string[], env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    exited,
    line(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const found = lines.find((l) => pattern.test(l));
          if (found === undefined) return false;
          listeners.delete(listener);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const listener = (): void => void check();
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(
            new Error(
              `no line ${pattern} within ${timeoutMs} ms; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`,
            ),
          );
        }, timeoutMs);
        if (!check()) listeners.add(listener);
      });
    },
  };
}
