/**
 * The engine's entry point. `createEngine(options)` once; `engine.load(uri)` once per document (resolve,
 * lint, compile); `engine.run({document, workflowId, inputs})` as often and as concurrently as you like.
 * Workflow failures come back as data (`status: 'failure'` and `error`); exceptions are only for
 * misconfiguration (unknown handle or workflow) and carry a `code`.
 */

import { NEVER_ABORTED } from '../adapters/on-abort.js';
import { createCriterionRegistry } from '../criteria/registry.js';
import { TelaioError } from '../errors.js';
import { createProcessHost, performsEffectsInline } from '../host/create-process-host.js';
import type { RunHost } from '../host/host-types.js';
import type { Engine, EngineOptions, RunOptions } from './engine-types.js';
import { loadDocument } from './load-document.js';
import { planOf } from './plan/document-plans.js';
import type { DocumentPlan, WorkflowPlan } from './plan/plan-types.js';
import { findCompleted } from './run/find-completed.js';
import { DEFAULT_MAX_RETRY_WAIT_MS } from './run/retry-wait.js';
import { combineHooks, type RunState, type RunTransports } from './run/run-state.js';
import { runWorkflow } from './run/run-workflow.js';
import type { RunResult } from './types.js';

/** How long a receive step without a `timeout` waits for its message (EngineOptions.receiveTimeoutMs). */
const DEFAULT_RECEIVE_TIMEOUT_MS = 30_000;
/** Steps of one workflow with step dependsOn running at once (EngineOptions.maxConcurrentSteps). */
const DEFAULT_MAX_CONCURRENT_STEPS = 8;

/** True for a promise (or any thenable) a host may return instead of a value. */
const isThenable = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  typeof (value as { then?: unknown } | undefined)?.then === 'function';

/** Create an engine over a transport (and optionally credentials, criteria plugins, providers, hooks). */
export function createEngine(options: EngineOptions): Engine {
  if (options?.transport === undefined || typeof options.transport.send !== 'function') {
    throw new TelaioError('engine-misconfigured', 'createEngine needs a transport with a send() method');
  }
  const registry = createCriterionRegistry(options.criteria ?? []);
  const maxSteps = options.maxSteps ?? 1000;
  if (options.host !== undefined && (options.sleep !== undefined || options.now !== undefined)) {
    throw new TelaioError(
      'engine-misconfigured',
      'createEngine takes a host or sleep/now, not both: give them to the host',
    );
  }
  const engineHost = options.host ?? createProcessHost({ sleep: options.sleep, now: options.now });
  const transports: RunTransports =
    options.messageTransport === undefined
      ? { openapi: options.transport }
      : { openapi: options.transport, asyncapi: options.messageTransport };
  const receiveTimeoutMs = options.receiveTimeoutMs ?? DEFAULT_RECEIVE_TIMEOUT_MS;
  const maxConcurrentSteps = Math.max(
    1,
    Math.floor(options.maxConcurrentSteps ?? DEFAULT_MAX_CONCURRENT_STEPS),
  );
  // The send context of every run without a signal of its own (no object per run).
  const neverAbortedContext =
    options.credentials === undefined
      ? { signal: NEVER_ABORTED }
      : { signal: NEVER_ABORTED, credentials: options.credentials };
  // What runs without hooks or providers of their own share (read-only in the run).
  const engineHooks = combineHooks({ hooks: [options.hooks] });
  const engineProviders = { ...options.inputProviders };
  /** The run: its state, then the workflow (see run()). */
  const startRun = (run: RunOptions): Promise<RunResult> => {
    const plan = planOf({ document: run.document });
    if (plan === undefined)
      throw new TelaioError('document-unknown', "run() needs a document returned by this engine's load()");
    // The id list only for a message: no array per run.
    const ids = () => [...plan.workflows.keys()];
    const workflowId =
      run.workflowId ?? (plan.workflows.size === 1 ? plan.workflows.keys().next().value : undefined);
    if (workflowId === undefined) {
      throw new TelaioError(
        'workflow-required',
        `the document has ${plan.workflows.size} workflows; name one of: ${ids().join(', ')}`,
      );
    }
    const workflow = plan.workflows.get(workflowId);
    if (workflow === undefined)
      throw new TelaioError('workflow-unknown', `no workflow '${workflowId}' (known: ${ids().join(', ')})`);
    const inputs = run.inputs ?? {};
    // A run without a signal of its own cannot be cancelled: it runs under NEVER_ABORTED, which
    // onAbort never listens to (no AbortController per run, no listener per wait). Waits on a
    // signal shared by many runs fan out from one listener (adapters/on-abort.ts).
    const signal = run.signal ?? NEVER_ABORTED;
    const documentUri = run.document.uri;
    const begun = (run.host ?? engineHost).begin(
      run.runId === undefined
        ? { documentUri, workflowId, inputs, signal }
        : { runId: run.runId, documentUri, workflowId, inputs, signal },
    );
    // A host that begins at once (the process host) costs no promise hop.
    return isThenable(begun)
      ? Promise.resolve(begun).then((host) => execute(run, plan, workflow, inputs, signal, host))
      : execute(run, plan, workflow, inputs, signal, begun);
  };
  /** The run on its host: its state, then the workflow, then the host's end(). */
  const execute = (
    run: RunOptions,
    plan: DocumentPlan,
    workflow: WorkflowPlan,
    inputs: Readonly<Record<string, unknown>>,
    signal: AbortSignal,
    host: RunHost,
  ): Promise<RunResult> => {
    const state: RunState = {
      signal,
      sendContext:
        signal === NEVER_ABORTED
          ? neverAbortedContext
          : options.credentials === undefined
            ? { signal }
            : { signal, credentials: options.credentials },
      hooks: run.hooks === undefined ? engineHooks : combineHooks({ hooks: [options.hooks, run.hooks] }),
      transports,
      credentials: options.credentials,
      servers: options.servers ?? {},
      responseChecks: options.responseChecks,
      host,
      effectCounts: undefined,
      // The process host's clock needs no `this`: no closure per run for it.
      now: performsEffectsInline(host) ? host.now : () => host.now(),
      maxSteps,
      receiveTimeoutMs,
      maxConcurrentSteps,
      maxRetryWaitMs: options.maxRetryWaitMs ?? DEFAULT_MAX_RETRY_WAIT_MS,
      missingValue: options.missingValue,
      stepCount: 0,
      steps: [],
      workflows: {},
      dependencies: undefined,
      completed: findCompleted({ completed: run.completed, root: plan }),
      skipped: [],
      providers:
        run.inputProviders === undefined
          ? engineProviders
          : { ...options.inputProviders, ...run.inputProviders },
      runInputs: inputs,
    };
    const running = runWorkflow({ state, plan: workflow, inputs, depth: 0, fromRunInputs: true });
    if (host.end === undefined) return running;
    return running.then((result) => {
      const ended = host.end?.(result);
      return isThenable(ended) ? Promise.resolve(ended).then(() => result) : result;
    });
  };
  return {
    load: (target, loadOptions) =>
      loadDocument({
        target,
        registry,
        ...(loadOptions === undefined ? {} : { select: loadOptions }),
        ...(options.loader === undefined ? {} : { loader: options.loader }),
        ...(options.cache === undefined ? {} : { cache: options.cache }),
        ...(options.documents === undefined ? {} : { documents: options.documents }),
        ...(options.refuseInvalid === undefined ? {} : { refuseInvalid: options.refuseInvalid }),
        ...(options.severity === undefined ? {} : { severity: options.severity }),
        // Plugin criterion types are code a cached entry's key cannot see: lint them every time.
        ...(options.lintCache === undefined || (options.criteria ?? []).length > 0
          ? {}
          : { lintCache: options.lintCache }),
      }),
    run(run: RunOptions): Promise<RunResult> {
      // Not an async function: a run whose host begins at once and has no end() is the workflow's
      // own promise, with no promise of this function around it. Misuse still rejects.
      try {
        return startRun(run);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
