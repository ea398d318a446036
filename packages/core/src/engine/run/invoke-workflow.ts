/**
 * The only way into a nested workflow run: a workflow step, a `goto` or `retry` action naming a
 * workflowId, and dependsOn. The workflow is looked up here and its failure mapped here to the
 * caller's error code, so every entry behaves alike. A failure that stops the whole run (`aborted`,
 * `max-steps-exceeded`) keeps its code whatever the entry.
 */
import type { WorkflowPlan, WorkflowRef } from '../plan/plan-types.js';
import type { RunError, RunErrorCode, RunResult } from '../types.js';
import type { Frame } from './frame.js';
import { runWorkflow } from './run-workflow.js';

/** How the nested run was reached. */
export type InvokeVia = 'step' | 'goto' | 'retry' | 'dependsOn';

interface ViaRule {
  /** Fed from the run's inputs (filtered to what the workflow declares; providers apply), not given inputs. */
  readonly fromRunInputs: boolean;
  /** The caller's error code when the nested run fails; undefined: any outcome returns control (retry). */
  readonly failed?: RunErrorCode;
  readonly says?: (workflowId: string) => string;
}

const VIA: { readonly [V in InvokeVia]: ViaRule } = {
  step: { fromRunInputs: false, failed: 'workflow-failed', says: (id) => `workflow '${id}' failed` },
  goto: { fromRunInputs: true, failed: 'workflow-failed', says: (id) => `workflow '${id}' (goto) failed` },
  // Failure Action Object: "the context is returned, after which the current step is retried".
  retry: { fromRunInputs: true },
  dependsOn: {
    fromRunInputs: true,
    failed: 'dependency-failed',
    says: (id) => `dependsOn workflow '${id}' failed`,
  },
};

const stopsTheRun = (error: RunError | undefined): boolean =>
  error?.code === 'aborted' || error?.code === 'max-steps-exceeded';

/** What a nested run gives its caller: the run (unless the workflow is unknown) and the caller's error. */
export interface Invocation {
  readonly result?: RunResult;
  readonly error?: RunError;
}

const earlierFailure = (error: RunError | undefined): RunError => ({
  code: 'workflow-failed',
  message: error === undefined ? 'failed in an earlier run' : `${error.code}: ${error.message}`,
});

/**
 * A dependsOn workflow's earlier result: from this run (once per run), else one the caller says
 * completed before it (`RunOptions.completed`), which becomes `$workflows.<id>` without a send.
 */
function reuseDependency(frame: Frame, ref: WorkflowRef, plan: WorkflowPlan): RunResult | undefined {
  const { state } = frame;
  const ran = state.dependencies?.get(plan);
  if (ran !== undefined) return ran;
  const done = state.completed(ref);
  if (done === undefined) return undefined;
  const inputs = done.inputs ?? {};
  const result: RunResult = {
    workflowId: plan.workflowId,
    status: done.status,
    inputs,
    outputs: done.outputs,
    steps: [],
    durationMs: 0,
    // An earlier run's failure, whatever its code (even `aborted`), is this run's `dependency-failed`.
    ...(done.status === 'success' ? {} : { error: earlierFailure(done.error) }),
  };
  state.workflows[plan.workflowId] = { inputs: { ...inputs }, outputs: { ...done.outputs } };
  state.dependencies ??= new Map();
  state.dependencies.set(plan, result);
  return result;
}

/**
 * Run workflow `ref` nested in `frame`. dependsOn workflows run once per run (later calls reuse the
 * first result, or one given in `RunOptions.completed`); `stepId` names the caller's step in errors.
 */
export async function invokeWorkflow(
  frame: Frame,
  ref: WorkflowRef,
  options: {
    inputs: Readonly<Record<string, unknown>>;
    via: InvokeVia;
    stepId?: string;
    /** The inputs are an action's 1.1 parameters: passed as given, like a workflow step's. */
    given?: boolean;
    /** What stops the nested run's steps (default: the caller's frame signal). */
    signal?: AbortSignal;
  },
): Promise<Invocation> {
  const { state } = frame;
  const at = options.stepId === undefined ? {} : { stepId: options.stepId };
  const plan = ref.doc.workflows.get(ref.workflowId);
  if (plan === undefined)
    return { error: { code: 'workflow-unknown', message: `no workflow '${ref.workflowId}'`, ...at } };
  const rule = VIA[options.via];
  let result = options.via === 'dependsOn' ? reuseDependency(frame, ref, plan) : undefined;
  if (result === undefined) {
    result = await runWorkflow({
      state,
      plan,
      inputs: options.inputs,
      depth: frame.depth + 1,
      fromRunInputs: rule.fromRunInputs && options.given !== true,
      signal: options.signal ?? frame.signal,
    });
    if (options.via === 'dependsOn') {
      state.dependencies ??= new Map();
      state.dependencies.set(plan, result);
    }
  }
  if (result.status === 'success') return { result };
  if (rule.failed === undefined || rule.says === undefined)
    return stopsTheRun(result.error) ? { result, error: result.error } : { result };
  const code = stopsTheRun(result.error) ? (result.error as RunError).code : rule.failed;
  const message = `${rule.says(plan.workflowId)}: ${result.error?.message ?? ''}`;
  return { result, error: { code, message, ...at } };
}
