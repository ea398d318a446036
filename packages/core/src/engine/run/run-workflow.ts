/**
 * One workflow execution: inputs validated (defaults applied) before anything is sent, dependsOn
 * workflows run first (once per run), steps run in order following actions, outputs evaluated at the
 * end. `goto` a workflowId transfers control one way: that workflow runs and this one ends with its
 * status. After the last step the workflow succeeds.
 */
import type { InputProvider } from '../../adapters/inputs.js';
import { setOwn } from '../../document/set-own.js';
import { standIn } from '../../expressions/context.js';
import type { WorkflowPlan } from '../plan/plan-types.js';
import {
  closeReceiveSubscriptions,
  openReceiveSubscriptions,
} from '../steps/message/receive-subscriptions.js';
import type { RunError, RunResult, StepResult } from '../types.js';
import { createFrame, type Frame, NO_PENDING, scopeOf } from './frame.js';
import { invokeWorkflow } from './invoke-workflow.js';
import { resolveLazyInputs } from './resolve-lazy-inputs.js';
import type { RunState } from './run-state.js';
import { runStep } from './run-step.js';
import { runStepsConcurrently } from './run-steps-concurrently.js';

/** Keep only the inputs `plan` declares (all of them when it declares no properties). */
function inputsFor(plan: WorkflowPlan, inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const declared = plan.inputs.properties;
  if (declared === undefined) return { ...inputs };
  const out: Record<string, unknown> = {};
  for (const name of declared) if (Object.hasOwn(inputs, name)) setOwn(out, name, inputs[name]);
  return out;
}

/** Run `plan`. `fromRunInputs` marks workflows fed from the run's inputs (providers apply to them). */
export async function runWorkflow(options: {
  state: RunState;
  plan: WorkflowPlan;
  inputs: Readonly<Record<string, unknown>>;
  depth: number;
  fromRunInputs: boolean;
  /** What stops its steps (default: the run's signal); a timed workflow step gives its own. */
  signal?: AbortSignal;
}): Promise<RunResult> {
  const { state, plan, depth } = options;
  const started = state.now();
  const firstStep = state.steps.length;
  const firstSkipped = state.skipped.length;
  // validate() copies what it is given (deeply, defaults applied): no copy of our own here.
  const given = options.fromRunInputs && depth > 0 ? inputsFor(plan, options.inputs) : options.inputs;
  // A Map of its own only when some provider stands for an input not given (NO_PENDING: none).
  let pending = NO_PENDING;
  if (options.fromRunInputs) {
    for (const name in state.providers)
      if (Object.hasOwn(state.providers, name) && !Object.hasOwn(given, name)) {
        if (pending === NO_PENDING) pending = new Map<string, InputProvider>();
        pending.set(name, state.providers[name] as InputProvider);
      }
  }
  const checked = plan.inputs.validate(given, pending);
  const signal = options.signal ?? state.signal;
  const frame = createFrame({ plan, state, depth, inputs: checked.value, pending, signal });
  state.hooks.onWorkflowStart?.({ ...scopeOf(frame), inputs: frame.inputs });
  state.workflows[plan.workflowId] = { inputs: frame.inputs };
  try {
    // Receive steps listen before anything runs that may cause their messages (receive-subscriptions.ts).
    // Each await below is skipped when there is nothing to wait for (a promise hop per run saved).
    if (checked.error === undefined && plan.receiveSteps.length > 0) await openReceiveSubscriptions(frame);
    let error = checked.error ?? (plan.dependsOn.length === 0 ? undefined : await runDependencies(frame));
    if (error === undefined && plan.stepDependencies !== undefined) error = await runStepsConcurrently(frame);
    else if (error === undefined) {
      // Steps one after another, following each outcome in document order: here, not in a function
      // of its own, so a plain workflow's run is one async function (no promise and no hops more).
      let index = 0;
      while (index < plan.steps.length) {
        const step = plan.steps[index] as (typeof plan.steps)[number];
        const outcome = await runStep({ frame, step });
        if (outcome.kind === 'next') index += 1;
        else if (outcome.kind === 'goto-step') {
          const target = plan.stepIndex.get(outcome.stepId);
          if (target === undefined) {
            error = {
              code: 'step-unknown',
              message: `goto names no step '${outcome.stepId}'`,
              stepId: step.stepId,
            };
            break;
          }
          index = target;
        } else if (outcome.kind === 'goto-workflow') {
          const inputs = outcome.inputs ?? frame.inputs;
          const given = outcome.inputs !== undefined;
          const options = { inputs, via: 'goto', stepId: step.stepId, given } as const;
          error = (await invokeWorkflow(frame, outcome.workflow, options)).error;
          break;
        } else {
          // 'end' and 'fail'
          error = outcome.error;
          break;
        }
      }
    }
    if (error === undefined && (frame.pending.size > 0 || frame.resolving.size > 0)) {
      const lazy = await resolveLazyInputs({ frame, reads: plan.outputInputReads });
      if (lazy !== undefined) return end(frame, started, [firstStep, firstSkipped], lazy);
    }
    return end(frame, started, [firstStep, firstSkipped], error);
  } finally {
    if (frame.receives.size > 0) await closeReceiveSubscriptions(frame);
  }
}

/** True when `steps` holds an execution of `stepId` of workflow `workflowId`. */
function ranIn(steps: readonly StepResult[], workflowId: string, stepId: string): boolean {
  for (const s of steps) if (s.stepId === stepId && s.workflowId === workflowId) return true;
  return false;
}

/** A missing value with no listener and no stand-in: nothing to do (no closure per run). */
const IGNORE_MISSING = (): undefined => undefined;

/**
 * Finish a workflow: outputs evaluated, and a `skipped` result (attempts 0) for each of its steps
 * that no execution reached in this run. Its result lists the executions in the order they ended,
 * then the skipped steps (its own and those of the workflows it ran).
 */
function end(
  frame: Frame,
  started: number,
  [firstStep, firstSkipped]: readonly [number, number],
  error: RunError | undefined,
): RunResult {
  const { state, plan } = frame;
  const steps = state.steps.slice(firstStep);
  // Which of its steps ran: a set only when there are more than a few (a linear scan otherwise).
  const reached =
    steps.length > 8
      ? new Set(steps.filter((s) => s.workflowId === plan.workflowId).map((s) => s.stepId))
      : undefined;
  for (const { stepId } of plan.steps) {
    if (reached === undefined ? ranIn(steps, plan.workflowId, stepId) : reached.has(stepId)) continue;
    const workflowId = plan.workflowId;
    state.skipped.push({ stepId, workflowId, status: 'skipped', attempts: 0, durationMs: 0, outputs: {} });
  }
  const onMissing =
    state.hooks.onMissingValue === undefined && state.missingValue === undefined
      ? IGNORE_MISSING
      : (info: { expression: string; reason: string }): unknown => {
          state.hooks.onMissingValue?.({ ...scopeOf(frame), ...info });
          if (state.missingValue === undefined) return undefined;
          return standIn(state.missingValue({ workflowId: frame.plan.workflowId, ...info }));
        };
  for (const [name, value] of plan.outputs) {
    const v = value.evaluate(frame.base, onMissing);
    if (v !== undefined) setOwn(frame.outputs, name, v);
  }
  state.workflows[plan.workflowId] = { inputs: frame.inputs, outputs: frame.outputs };
  for (let i = firstSkipped; i < state.skipped.length; i += 1) steps.push(state.skipped[i] as StepResult);
  const result: { -readonly [K in keyof RunResult]: RunResult[K] } = {
    workflowId: plan.workflowId,
    status: error === undefined ? 'success' : 'failure',
    inputs: frame.inputs,
    outputs: frame.outputs,
    steps,
    durationMs: state.now() - started,
  };
  if (error !== undefined) result.error = error;
  state.hooks.onWorkflowEnd?.({ ...scopeOf(frame), result });
  return result;
}

/** dependsOn: "workflows that MUST be completed before this workflow can be processed", each once per run. */
async function runDependencies(frame: Frame): Promise<RunError | undefined> {
  const { state } = frame;
  for (const ref of frame.plan.dependsOn) {
    const { error } = await invokeWorkflow(frame, ref, { inputs: state.runInputs, via: 'dependsOn' });
    if (error !== undefined) return error;
  }
  return undefined;
}
