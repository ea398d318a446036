/** The state of one workflow execution inside a run: its inputs, step outputs and expression context. */
import type { EventScope } from '../../adapters/hooks.js';
import type { InputProvider } from '../../adapters/inputs.js';
import type { ExpressionContext } from '../../expressions/context.js';
import type { WorkflowPlan } from '../plan/plan-types.js';
import type { ReceiveSubscriptions } from '../steps/message/receive-subscriptions.js';
import type { RunError } from '../types.js';
import type { RunState } from './run-state.js';

/** One workflow being executed. */
export interface Frame {
  readonly plan: WorkflowPlan;
  readonly state: RunState;
  /**
   * Its hook events' scope, made by scopeOf() when an event first needs it: a run with no hooks
   * neither builds it nor reads the run's id (which the process host then never draws).
   */
  eventScope: EventScope | undefined;
  /** How deep it is nested (0: the workflow the run started). */
  readonly depth: number;
  readonly inputs: Record<string, unknown>;
  readonly outputs: Record<string, unknown>;
  readonly steps: Record<string, { outputs: Record<string, unknown> }>;
  /** Providers for inputs not given (resolved when first read). */
  readonly pending: Map<string, InputProvider>;
  /** Inputs being resolved now (taken from `pending`), so concurrent steps wait for the same answer. */
  readonly resolving: Map<string, Promise<RunError | undefined>>;
  /** The context without any request/response: shared by reference, never copied per run. */
  readonly base: ExpressionContext;
  /**
   * What stops this workflow's steps: the run's signal, combined with the 1.1 `timeout` of each
   * workflow step it runs under (see stopped-error.ts for the code a stop gives).
   */
  readonly signal: AbortSignal;
  /** The subscriptions of the workflow's receive steps, opened when it starts (steps/message/). */
  readonly receives: ReceiveSubscriptions;
}

/**
 * A Map that is never written: the `pending` and `resolving` of a frame whose workflow has no input
 * providers (the common case), shared by all of them instead of two Maps per workflow run.
 * resolve-lazy-inputs.ts writes `resolving` only for names it takes from a non-empty `pending`.
 */
class UnwrittenMap<K, V> extends Map<K, V> {
  override set(): this {
    throw new Error('a frame without input providers has no pending inputs to record');
  }
}

/** `pending` of a frame with no input providers. */
export const NO_PENDING: Map<string, InputProvider> = new UnwrittenMap();
const NO_RESOLVING: Map<string, Promise<RunError | undefined>> = new UnwrittenMap();

/** The scope (`runId`, `workflowId`, `depth`) of `frame`'s hook events, made at the first. */
export function scopeOf(frame: Frame): EventScope {
  let scope = frame.eventScope;
  if (scope === undefined) {
    scope = { runId: frame.state.host.runId, workflowId: frame.plan.workflowId, depth: frame.depth };
    frame.eventScope = scope;
  }
  return scope;
}

/** Create the frame of a workflow execution. */
export function createFrame(options: {
  plan: WorkflowPlan;
  state: RunState;
  depth: number;
  inputs: Record<string, unknown>;
  pending: Map<string, InputProvider>;
  /** Default: the run's signal. */
  signal?: AbortSignal;
}): Frame {
  const { plan, state } = options;
  const outputs: Record<string, unknown> = {};
  const steps: Record<string, { outputs: Record<string, unknown> }> = {};
  return {
    plan,
    state,
    eventScope: undefined,
    depth: options.depth,
    inputs: options.inputs,
    outputs,
    steps,
    pending: options.pending,
    resolving: options.pending.size === 0 ? NO_RESOLVING : new Map(),
    signal: options.signal ?? state.signal,
    receives: new Map(),
    base: {
      inputs: options.inputs,
      outputs,
      steps,
      workflows: state.workflows,
      sourceDescriptions: plan.doc.sourceDescriptions,
      components: plan.doc.components,
      self: plan.doc.self,
    },
  };
}
