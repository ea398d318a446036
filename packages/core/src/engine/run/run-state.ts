/**
 * Everything one run owns. Plans are shared and immutable; this object is created per `run()` so
 * one loaded document can run many times at once.
 */

import type { CredentialProvider } from '../../adapters/credentials.js';
import type { EngineHooks } from '../../adapters/hooks.js';
import type { InputProvider } from '../../adapters/inputs.js';
import type { MessageTransport } from '../../adapters/message-transport.js';
import type { Transport, TransportContext } from '../../adapters/transport.js';
import type { ResponseChecker } from '../../checks/check-types.js';
import type { RunHost } from '../../host/host-types.js';
import type { CompletedWorkflow, MissingValueSubstitute } from '../engine-types.js';
import type { WorkflowPlan, WorkflowRef } from '../plan/plan-types.js';
import type { RunResult, StepResult } from '../types.js';

/**
 * Transports by the type of the source whose steps they carry: `openapi` operations go through the
 * HTTP Transport, `asyncapi` message steps through the MessageTransport (absent: not configured).
 */
export interface RunTransports {
  readonly openapi: Transport;
  readonly asyncapi?: MessageTransport;
}

/** Per-run state shared by every workflow the run executes (dependsOn, workflow steps, goto). */
export interface RunState {
  readonly signal: AbortSignal;
  readonly hooks: EngineHooks;
  /** The transport of each source type. */
  readonly transports: RunTransports;
  /** The context handed to every send of this run (signal and credentials). */
  readonly sendContext: TransportContext;
  readonly credentials: CredentialProvider | undefined;
  readonly servers: Readonly<Record<string, string>>;
  /** Response checks of operation steps, when the engine has them. */
  readonly responseChecks: ResponseChecker | undefined;
  /** The run's host: every effect (send, lazy input), retry sleep and external wait goes through it. */
  readonly host: RunHost;
  /** How many effects of each `<workflowId>/<stepId>/<kind>` the run reached (effect-site.ts; made at the first). */
  effectCounts: Map<string, number> | undefined;
  /** The host's clock, for durations. */
  readonly now: () => number;
  readonly maxSteps: number;
  /** How long a receive step without a `timeout` waits for its message. */
  readonly receiveTimeoutMs: number;
  /** Steps of one workflow running at once, in workflows with step dependsOn. */
  readonly maxConcurrentSteps: number;
  /** Longest wait before a retry (Retry-After or retryAfter); a longer one fails the step. */
  readonly maxRetryWaitMs: number;
  /** EngineOptions.missingValue: what stands in for a value an expression could not reach. */
  readonly missingValue: MissingValueSubstitute | undefined;
  /** Step executions (attempts included) so far. */
  stepCount: number;
  /** Every step result of the run, in the order they ended. */
  readonly steps: StepResult[];
  /** `skipped` results of the steps each ended workflow never reached (listed after the executed ones). */
  readonly skipped: StepResult[];
  /** `$workflows.<id>` of every workflow finished (or started) in this run. */
  readonly workflows: Record<string, { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }>;
  /** dependsOn workflows already run (once per run; made at the first). */
  dependencies: Map<WorkflowPlan, RunResult> | undefined;
  /** Workflows that ran before this run (`RunOptions.completed`): dependsOn reuses them. */
  readonly completed: (ref: WorkflowRef) => CompletedWorkflow | undefined;
  /** Input providers by name (for workflows fed from the run's inputs). */
  readonly providers: Readonly<Record<string, InputProvider>>;
  /** The inputs given to run(), for dependsOn and goto workflows. */
  readonly runInputs: Readonly<Record<string, unknown>>;
}

/** Call every hook set in order (engine hooks first, then run hooks). */
export function combineHooks(options: { hooks: readonly (EngineHooks | undefined)[] }): EngineHooks {
  const sets = options.hooks.filter((h): h is EngineHooks => h !== undefined);
  if (sets.length === 0) return {};
  if (sets.length === 1) return sets[0] as EngineHooks;
  const combined: Record<string, (e: unknown) => void> = {};
  for (const set of sets) {
    for (const [name, fn] of Object.entries(set)) {
      if (typeof fn !== 'function') continue;
      const previous = combined[name];
      const hook = fn.bind(set) as (e: unknown) => void;
      combined[name] =
        previous === undefined
          ? hook
          : (e) => {
              previous(e);
              hook(e);
            };
    }
  }
  return combined as EngineHooks;
}
