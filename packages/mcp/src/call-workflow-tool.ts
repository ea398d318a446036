import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { InputProvider, InputRequest, RunResult } from '@telaio/core';
import { createElicitationProvider, type Elicit } from './create-elicitation-provider.js';
import { createProgressHooks, type ProgressUpdate } from './create-progress-hooks.js';
import { mergeHooks } from './merge-hooks.js';
import { toToolResult } from './to-tool-result.js';
import type { WorkflowTool, WorkflowToolsOptions } from './types.js';

/** One call of a workflow tool. */
export interface ToolCall {
  readonly tool: WorkflowTool;
  /** The agent's arguments (the workflow's inputs). */
  readonly args: Readonly<Record<string, unknown>>;
  /** Aborted when the client cancels the request (or the session goes away). */
  readonly signal: AbortSignal;
  /** Sends a progress notification, when the client asked for progress (awaited before the result goes out). */
  readonly progress?: (update: ProgressUpdate) => Promise<void> | void;
  /** Asks the person through the client, when the client can elicit. */
  readonly elicit?: Elicit;
}

/**
 * Runs the workflow behind a tool: the agent's arguments are the inputs (refused when they name
 * an input the person gives), the person's inputs are elicited when first read, the server's own
 * providers (env, totp) fill theirs, each step reports progress, the client's cancellation aborts
 * the run. Returns the masked tool result; a run that failed is data, not an exception.
 */
export async function callWorkflowTool(
  call: ToolCall,
  options: WorkflowToolsOptions,
): Promise<CallToolResult> {
  const { tool, masker } = { tool: call.tool, masker: options.masker };
  const revealOutput = options.revealOutput ?? (() => false);
  const forbidden = Object.keys(call.args).filter((name) => tool.personInputs.has(name));
  if (forbidden.length > 0) {
    const text = `${forbidden.map((n) => `input '${n}'`).join(', ')} of tool ${tool.name} is given by the person when the workflow asks (${forbidden.map((n) => tool.personInputs.get(n)).join(', ')}), not by the agent; call the tool without ${forbidden.length === 1 ? 'it' : 'them'}`;
    return { content: [{ type: 'text', text }], isError: true };
  }
  const failures = new Map<string, { code?: string; message: string }>();
  const onError = (name: string, error: unknown): void => {
    const e = error as { code?: string; message?: string };
    failures.set(name, {
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      message: e.message ?? String(error),
    });
  };
  const observers = (options.plugins ?? []).flatMap((p) => (p.observe === undefined ? [] : [p.observe()]));
  const note = (name: string): string | undefined =>
    observers
      .map((o) => o.note(name))
      .filter((n) => n !== undefined)
      .join('\n\n') || undefined;
  const providers: Record<string, InputProvider> = {
    ...(await options.inputProviders?.({ tool, given: call.args, onError })),
  };
  for (const [name, reason] of tool.personInputs) {
    providers[name] = catching(
      createElicitationProvider({ tool: tool.name, reason, elicit: call.elicit, note }),
      name,
      onError,
      masker,
    );
  }
  // Progress goes out before the result: a client drops progress that arrives after it.
  const sending: Promise<void>[] = [];
  const report = call.progress;
  const progress =
    report === undefined
      ? undefined
      : (update: ProgressUpdate) => {
          const sent = report(update);
          if (sent !== undefined) sending.push(sent);
        };
  const hooks = mergeHooks(
    [
      options.runHooks?.(),
      ...observers.map((o) => o.hooks),
      progress === undefined ? undefined : createProgressHooks({ stepCount: tool.stepCount, send: progress }),
    ],
    (error) => options.log?.(`a hook failed: ${masker.text(String(error))}`),
  );
  const started = performance.now();
  options.log?.(`call ${tool.name}`);
  const ran = await options.engine.run({
    document: tool.document,
    workflowId: tool.workflowId,
    inputs: call.args,
    signal: call.signal,
    hooks,
    inputProviders: providers,
  });
  const result = explainFailure(ran, failures, call.signal);
  options.log?.(
    `${tool.name}: ${result.status}${result.error === undefined ? '' : ` (${result.error.code}${result.error.stepId === undefined ? '' : ` at ${result.error.stepId}`})`} in ${Math.round(performance.now() - started)} ms`,
  );
  await Promise.allSettled(sending);
  return toToolResult(result, { masker, revealOutput });
}

/** A provider whose answer the masker learns, and whose failure is recorded (and becomes "no value") instead of escaping the engine. */
function catching(
  provider: InputProvider,
  name: string,
  onError: (name: string, error: unknown) => void,
  masker: { add(value: unknown): void },
): InputProvider {
  return {
    ...(provider.secret === undefined ? {} : { secret: provider.secret }),
    async resolve(request: InputRequest) {
      try {
        const value = await provider.resolve(request);
        if (provider.secret === true) masker.add(value);
        return value;
      } catch (error) {
        onError(name, error);
        return undefined;
      }
    },
  };
}

/** `input-missing` explained by the provider that failed for it; a cancelled call says so. */
function explainFailure(
  result: RunResult,
  failures: ReadonlyMap<string, { code?: string; message: string }>,
  signal: AbortSignal,
): RunResult {
  const error = result.error;
  if (error === undefined) return result;
  if (signal.aborted && error.code !== 'aborted')
    return {
      ...result,
      error: { ...error, code: 'aborted', message: `cancelled by the client: ${error.message}` },
    };
  if (error.code !== 'input-missing') return result;
  const name = /input '([^']+)'/.exec(error.message)?.[1];
  const failure = name === undefined ? undefined : failures.get(name);
  if (failure === undefined) return result;
  const code = (failure.code ?? error.code) as typeof error.code;
  return { ...result, error: { ...error, code, message: failure.message } };
}
