import type { EngineHooks, InputProvider, StepResult } from '@telaio/core';
import { readMonotonicMs } from '@telaio/core';
import type { HtmlAction, HtmlAttempt, HtmlCriterion, HtmlResponse, HtmlWait } from './html-types.js';

/** One step execution as the hooks saw it (unmasked: mask before showing). */
export interface RecordedExecution {
  readonly workflowId: string;
  readonly stepId: string;
  readonly depth: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly attempts: readonly HtmlAttempt[];
  readonly actions: readonly HtmlAction[];
  /** The engine's result of this execution. */
  readonly result: StepResult;
}

/** An execution still open, and its attempt being filled. */
interface Open {
  readonly workflowId: string;
  readonly stepId: string;
  readonly depth: number;
  readonly startMs: number;
  readonly attempts: Attempt[];
  readonly actions: HtmlAction[];
}

type Attempt = { -readonly [K in keyof HtmlAttempt]: HtmlAttempt[K] } & {
  criteria: HtmlCriterion[];
  waits?: HtmlWait[];
};

/**
 * Hooks that record what the HTML report shows of a run and the engine's result does not keep:
 * when each step execution and each of its attempts started and ended, every request and response
 * (or message sent or received) of every attempt, each criterion judged with its verdict, the retry
 * waits and the goto/end/retry actions taken. `watchInputs` wraps the run's input providers so that
 * the time spent waiting for one (a prompt) is kept as a wait of each attempt of that workflow open
 * when it was asked, apart from the step's own time. `executions()` lists the finished executions in
 * the order they started. Times are milliseconds from the recorder's creation (`now`, default
 * readMonotonicMs).
 */
export function createRunRecorder(options: { readonly now?: () => number } = {}): {
  readonly hooks: EngineHooks;
  watchInputs(providers: Readonly<Record<string, InputProvider>>): Record<string, InputProvider>;
  executions(): readonly RecordedExecution[];
} {
  const now = options.now ?? readMonotonicMs;
  const origin = now();
  const at = (): number => now() - origin;
  const open = new Map<string, Open>();
  /** The last ended execution per step: a goto or end action is announced after the step ends. */
  const ended = new Map<string, Open>();
  const done: { order: number; execution: RecordedExecution }[] = [];
  const order = new Map<Open, number>();
  let started = 0;
  const key = (e: { depth: number; workflowId: string }, stepId: string): string =>
    `${e.depth}\u0000${e.workflowId}\u0000${stepId}`;
  const current = (e: { depth: number; workflowId: string }, stepId: string): Attempt | undefined =>
    open.get(key(e, stepId))?.attempts.at(-1);
  const closeAttempt = (attempt: Attempt | undefined, time: number): void => {
    if (attempt !== undefined && attempt.endMs < 0) attempt.endMs = time;
  };
  return {
    hooks: {
      onStepStart: (e) => {
        const k = key(e, e.stepId);
        const time = at();
        let execution = open.get(k);
        if (execution === undefined || e.attempt <= 1) {
          execution = {
            workflowId: e.workflowId,
            stepId: e.stepId,
            depth: e.depth,
            startMs: time,
            attempts: [],
            actions: [],
          };
          open.set(k, execution);
          order.set(execution, started++);
        }
        closeAttempt(execution.attempts.at(-1), time);
        execution.attempts.push({ attempt: e.attempt, startMs: time, endMs: -1, criteria: [] });
      },
      onResponse: (e) => {
        const attempt = current(e, e.stepId);
        if (attempt === undefined) return;
        attempt.request = e.response.request;
        attempt.response = toResponse(e.response);
      },
      onMessageSent: (e) => {
        const attempt = current(e, e.stepId);
        if (attempt !== undefined) attempt.message = { action: 'send', message: e.message };
      },
      onMessageReceived: (e) => {
        const attempt = current(e, e.stepId);
        if (attempt === undefined) return;
        const { payload: _payload, ...message } = e.message;
        attempt.message = { action: 'receive', message };
      },
      onCriterion: (e) => {
        current(e, e.stepId)?.criteria.push({ condition: e.condition, passed: e.passed, of: e.of });
      },
      onRetry: (e) => {
        const attempt = current(e, e.stepId);
        if (attempt === undefined) return;
        attempt.retryDelayMs = e.delayMs;
        closeAttempt(attempt, at());
      },
      onAction: (e) => {
        const k = key(e, e.stepId);
        (open.get(k) ?? ended.get(k))?.actions.push({
          type: e.type,
          name: e.name,
          ...(e.targetStepId === undefined ? {} : { targetStepId: e.targetStepId }),
          ...(e.targetWorkflowId === undefined ? {} : { targetWorkflowId: e.targetWorkflowId }),
        });
      },
      onStepEnd: (e) => {
        const k = key(e, e.result.stepId);
        const execution = open.get(k);
        if (execution === undefined || e.result.status === 'skipped') return;
        open.delete(k);
        ended.set(k, execution);
        const time = at();
        const last = execution.attempts.at(-1);
        closeAttempt(last, time);
        if (last !== undefined && last.request === undefined && e.result.request !== undefined)
          last.request = e.result.request;
        done.push({
          order: order.get(execution) ?? 0,
          execution: { ...execution, endMs: time, result: e.result },
        });
      },
    },
    watchInputs: (providers) =>
      Object.fromEntries(
        Object.entries(providers).map(([name, provider]): [string, InputProvider] => [
          name,
          {
            ...provider,
            resolve: async (request) => {
              const startMs = at();
              const waiting = [...open.values()]
                .filter((x) => x.workflowId === request.workflowId)
                .flatMap((x) => x.attempts.slice(-1));
              try {
                return await provider.resolve(request);
              } finally {
                const wait = { name, startMs, endMs: at() };
                for (const attempt of waiting) {
                  attempt.waits ??= [];
                  attempt.waits.push(wait);
                }
              }
            },
          },
        ]),
      ),
    executions: () => done.sort((a, b) => a.order - b.order).map((d) => d.execution),
  };
}

/** The response as the report keeps it: a binary body becomes a short description. */
function toResponse(response: {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}): HtmlResponse {
  const body =
    response.body instanceof Uint8Array
      ? `(${response.body.byteLength} bytes of binary data)`
      : response.body;
  return {
    statusCode: response.statusCode,
    headers: response.headers,
    ...(body === undefined ? {} : { body }),
  };
}
