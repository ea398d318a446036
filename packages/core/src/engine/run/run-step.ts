/**
 * One step execution, retries included: attempts, outputs on success, then the first action whose
 * criteria all hold (step actions before the workflow's). Failure actions: `retry` waits retryAfter
 * seconds (an HTTP Retry-After header overrules it, as the Failure Action Object says it SHOULD;
 * capped by maxRetryWaitMs, see retry-wait.ts),
 * runs its stepId/workflowId first when given, and counts against retryLimit (default 1); an
 * exhausted retry falls through to the subsequent failure actions; no match ends the workflow.
 */

import { setOwn } from '../../document/set-own.js';
import { type ExpressionContext, type MissingValueListener, standIn } from '../../expressions/context.js';
import type { ActionPlan, StepDependency, StepPlan } from '../plan/plan-types.js';
import type { RunError, StepResult } from '../types.js';
import { effectSite } from './effect-site.js';
import { type Frame, scopeOf } from './frame.js';
import { invokeWorkflow } from './invoke-workflow.js';
import { resolveLazyInputs } from './resolve-lazy-inputs.js';
import { retryWait } from './retry-wait.js';
import { type AttemptResult, runStepAttempt } from './run-step-attempt.js';
import type { StepOutcome } from './step-outcome.js';
import { stoppedError } from './stopped-error.js';
import { testCriteria } from './test-criteria.js';

/** A missing value with no listener and no stand-in: nothing to do. */
const IGNORE_MISSING: MissingValueListener = () => undefined;

/** The default after success (no object per step). */
const NEXT: StepOutcome = { kind: 'next' };

/**
 * The state of one step execution across its attempts. A class, so that the async runStep keeps
 * one object alive across its awaits instead of a large register file and two closures per call
 * (measured: runStep allocated ~1.2 KB per step execution); it is also the attempt's context
 * (frame, step, attempt, onMissing), so no options object is made per attempt.
 */
class StepExecution {
  readonly state: Frame['state'];
  readonly started: number;
  /** Time spent waiting for lazy inputs (a person typing a code) is not the step's own time. */
  waited = 0;
  attempt = 0;
  last: AttemptResult | undefined = undefined;
  retries: Map<ActionPlan, number> | undefined = undefined;
  /** The retry action chosen by judge(), for retry(). */
  retrying: ActionPlan | undefined = undefined;
  readonly onMissing: MissingValueListener;
  constructor(
    readonly frame: Frame,
    readonly step: StepPlan,
  ) {
    const state = frame.state;
    this.state = state;
    this.started = state.now();
    // Nobody listens and nothing stands in: one shared listener, no closure per step.
    this.onMissing =
      state.hooks.onMissingValue === undefined && state.missingValue === undefined
        ? IGNORE_MISSING
        : (info) => {
            const stepId = step.stepId;
            state.hooks.onMissingValue?.({ ...scopeOf(frame), stepId, ...info });
            if (state.missingValue === undefined) return undefined;
            return standIn(state.missingValue({ workflowId: frame.plan.workflowId, stepId, ...info }));
          };
  }

  finish(status: 'success' | 'failure', outputs: Readonly<Record<string, unknown>>, error?: RunError): void {
    const { state } = this;
    const durationMs = state.now() - this.started - this.waited;
    const result = stepResult(
      this.frame,
      this.step,
      status,
      this.attempt,
      durationMs,
      outputs,
      this.last,
      error,
    );
    state.steps.push(result);
    state.hooks.onStepEnd?.({ ...scopeOf(this.frame), result });
  }

  fail(error: RunError): StepOutcome {
    this.finish('failure', {}, error);
    return { kind: 'fail', error };
  }

  /** Start the next attempt; an outcome when the run cannot go on. */
  begin(): StepOutcome | undefined {
    const { frame, state, step } = this;
    const stepId = step.stepId;
    this.attempt += 1;
    if (frame.signal.aborted) return this.fail(stoppedError(frame, stepId));
    if (++state.stepCount > state.maxSteps) {
      return this.fail({
        code: 'max-steps-exceeded',
        message: `more than ${state.maxSteps} step executions in one run`,
        stepId,
      });
    }
    state.hooks.onStepStart?.({ ...scopeOf(frame), stepId, attempt: this.attempt });
    return undefined;
  }

  /** Resolve the lazy inputs the step reads; an outcome when that failed. */
  async resolveInputs(): Promise<StepOutcome | undefined> {
    const { state } = this;
    const asked = state.now();
    const inputError = await resolveLazyInputs({
      frame: this.frame,
      reads: this.step.inputReads,
      stepId: this.step.stepId,
    });
    this.waited += state.now() - asked;
    return inputError === undefined ? undefined : this.fail(inputError);
  }

  /** What follows the attempt `last`: an outcome, or RETRY (with `retrying` set). */
  judge(last: AttemptResult): StepOutcome | typeof RETRY {
    this.last = last;
    const { frame, step, onMissing } = this;
    const { stepId } = step;
    const { ctx } = last;
    if (last.success) {
      // A workflow step without declared outputs exposes the nested workflow's outputs as its own.
      const outputs: Record<string, unknown> = step.outputs.length === 0 ? { ...last.childOutputs } : {};
      for (const [name, value] of step.outputs) {
        const v = value.evaluate(ctx, onMissing);
        if (v !== undefined) setOwn(outputs, name, v);
      }
      frame.steps[stepId] = { outputs };
      const action =
        step.onSuccess.length === 0
          ? undefined
          : step.onSuccess.find((a) =>
              testCriteria({ frame, stepId, criteria: a.criteria, ctx, of: a.name, onMissing }),
            );
      this.finish('success', outputs);
      if (action === undefined) return NEXT;
      return take(frame, stepId, action, undefined, actionInputs(action, ctx, onMissing));
    }
    const error = last.error ?? { code: 'criteria-failed', message: `step '${stepId}' failed`, stepId };
    if (error.code === 'aborted' || error.code === 'max-steps-exceeded' || frame.signal.aborted)
      return this.fail(frame.signal.aborted ? stoppedError(frame, stepId) : error);
    let retry: ActionPlan | undefined;
    let chosen: ActionPlan | undefined;
    for (const action of step.onFailure) {
      if (!testCriteria({ frame, stepId, criteria: action.criteria, ctx, of: action.name, onMissing }))
        continue;
      if (action.type === 'retry') {
        this.retries ??= new Map();
        const used = this.retries.get(action) ?? 0;
        if (used >= action.retryLimit) continue;
        this.retries.set(action, used + 1);
        retry = action;
      } else chosen = action;
      break;
    }
    if (retry === undefined) {
      if (chosen === undefined) return this.fail(error);
      this.finish('failure', {}, error);
      return take(frame, stepId, chosen, error, actionInputs(chosen, ctx, onMissing));
    }
    this.retrying = retry;
    return RETRY;
  }

  /** The wait and detour of the retry judge() chose; an outcome when the step cannot be retried. */
  async retry(): Promise<StepOutcome | undefined> {
    const { frame, state, step, onMissing } = this;
    const { stepId } = step;
    const retry = this.retrying as ActionPlan;
    const last = this.last as AttemptResult;
    const error = last.error ?? { code: 'criteria-failed', message: `step '${stepId}' failed`, stepId };
    const wait = retryWait({
      response: last.response,
      retry,
      maxMs: state.maxRetryWaitMs,
      stepId,
      cause: error,
    });
    if ('error' in wait) return this.fail(wait.error);
    const { delayMs } = wait;
    state.hooks.onAction?.({ ...scopeOf(frame), stepId, type: 'retry', name: retry.name, ...targets(retry) });
    state.hooks.onRetry?.({
      ...scopeOf(frame),
      stepId,
      attempt: this.attempt + 1,
      delayMs,
      action: retry.name,
      retryLimit: retry.retryLimit,
    });
    const detour = await runRetryTarget(frame, retry, actionInputs(retry, last.ctx, onMissing));
    if (detour !== undefined) return this.fail(detour);
    try {
      const site = effectSite({ frame, kind: 'sleep', stepId, attempt: this.attempt });
      await state.host.sleep({ ...site, ms: delayMs }, frame.signal);
    } catch (error) {
      if (!frame.signal.aborted) throw error;
      return this.fail(stoppedError(frame, stepId));
    }
    return undefined;
  }
}

/** judge()'s word for "retry the step". */
const RETRY = Symbol('retry');

/**
 * Execute `step` in `frame` and say what the workflow does next. Not an async function: a step whose
 * workflow has no lazy inputs pending starts its first attempt at once, and the attempt's promise,
 * judged by one reaction, is the step's; only a retry (or a wait for lazy inputs) goes on in the
 * async loop (attempts). Never throws: a bug or a throwing hook rejects, as from an async function.
 */
export function runStep(options: { frame: Frame; step: StepPlan }): Promise<StepOutcome> {
  try {
    const execution = new StepExecution(options.frame, options.step);
    const { frame, step } = execution;
    const unmet = step.dependsOn === undefined ? undefined : unmetDependency(frame, step);
    if (unmet !== undefined) {
      return Promise.resolve(
        execution.fail({
          code: 'dependency-unmet',
          message: `step '${step.stepId}' dependsOn '${unmet.text}', which has not completed in this run (dependsOn does not run it)`,
          stepId: step.stepId,
        }),
      );
    }
    if (frame.pending.size > 0 || frame.resolving.size > 0) return attempts(execution, false);
    const stopped = execution.begin();
    if (stopped !== undefined) return Promise.resolve(stopped);
    // The execution is the attempt's options (frame, step, attempt, onMissing).
    return runStepAttempt(execution).then((last) => {
      const outcome = execution.judge(last);
      return outcome === RETRY ? attempts(execution, true) : outcome;
    });
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The attempts of `execution` (after the retry judge() chose, when `retrying`), until an outcome. */
async function attempts(execution: StepExecution, retrying: boolean): Promise<StepOutcome> {
  const { frame } = execution;
  for (let again = retrying; ; again = true) {
    if (again) {
      const failed = await execution.retry();
      if (failed !== undefined) return failed;
    }
    const stopped = execution.begin();
    if (stopped !== undefined) return stopped;
    if (frame.pending.size > 0 || frame.resolving.size > 0) {
      const failed = await execution.resolveInputs();
      if (failed !== undefined) return failed;
    }
    const outcome = execution.judge(await runStepAttempt(execution));
    if (outcome !== RETRY) return outcome;
  }
}

/**
 * A step execution's result. Built field by field in one fixed order (the order reports show),
 * without spreading small objects: one object per step execution, whatever it carries.
 */
function stepResult(
  frame: Frame,
  step: StepPlan,
  status: 'success' | 'failure',
  attempts: number,
  durationMs: number,
  outputs: Readonly<Record<string, unknown>>,
  last: AttemptResult | undefined,
  error: RunError | undefined,
): StepResult {
  const response = last?.response;
  const result: { -readonly [K in keyof StepResult]: StepResult[K] } = {
    stepId: step.stepId,
    workflowId: frame.plan.workflowId,
    status,
    statusCode: response?.statusCode,
    attempts,
    durationMs,
    outputs,
    request: response?.request,
  };
  if (step.target.kind === 'message') result.action = step.target.action;
  if (last?.sentMessage !== undefined) result.sentMessage = last.sentMessage;
  if (last?.receivedMessage !== undefined) result.receivedMessage = last.receivedMessage;
  result.reason = error?.message;
  if (error?.failedCriterion !== undefined) result.failedCriterion = error.failedCriterion;
  if (error?.response !== undefined) result.response = error.response;
  if (last?.checks !== undefined) result.checks = last.checks;
  return result;
}

const targets = (a: ActionPlan) => ({
  ...(a.stepId === undefined ? {} : { targetStepId: a.stepId }),
  ...(a.workflow === undefined ? {} : { targetWorkflowId: a.workflow.workflowId }),
});

/** The first 1.1 step dependsOn entry not completed successfully in this run, if any. */
function unmetDependency(frame: Frame, step: StepPlan): StepDependency | undefined {
  return step.dependsOn?.find((d) =>
    d.workflowId === undefined
      ? frame.steps[d.stepId] === undefined
      : !frame.state.steps.some(
          (s) => s.workflowId === d.workflowId && s.stepId === d.stepId && s.status === 'success',
        ),
  );
}

/** The 1.1 parameters of an action naming a workflow, evaluated where the step ended; undefined without any. */
function actionInputs(
  action: ActionPlan,
  ctx: ExpressionContext,
  onMissing: MissingValueListener,
): Record<string, unknown> | undefined {
  if (action.parameters === undefined) return undefined;
  const inputs: Record<string, unknown> = {};
  for (const p of action.parameters) {
    const value = p.value.evaluate(ctx, onMissing);
    if (value !== undefined) inputs[p.name] = value;
  }
  return inputs;
}

function take(
  frame: Frame,
  stepId: string,
  action: ActionPlan,
  error: RunError | undefined,
  inputs: Record<string, unknown> | undefined,
): StepOutcome {
  frame.state.hooks.onAction?.({
    ...scopeOf(frame),
    stepId,
    type: action.type,
    name: action.name,
    ...targets(action),
  });
  if (action.type === 'end') return error === undefined ? { kind: 'end' } : { kind: 'end', error };
  if (action.stepId !== undefined) return { kind: 'goto-step', stepId: action.stepId };
  if (action.workflow !== undefined)
    return inputs === undefined
      ? { kind: 'goto-workflow', workflow: action.workflow }
      : { kind: 'goto-workflow', workflow: action.workflow, inputs };
  return error === undefined ? NEXT : { kind: 'fail', error };
}

/** A retry naming a step or workflow runs it first ("the context is returned, after which the current step is retried"). */
async function runRetryTarget(
  frame: Frame,
  action: ActionPlan,
  given: Record<string, unknown> | undefined,
): Promise<RunError | undefined> {
  if (action.stepId === undefined) {
    if (action.workflow === undefined) return undefined;
    const inputs = given ?? frame.inputs;
    const run = await invokeWorkflow(frame, action.workflow, {
      inputs,
      via: 'retry',
      given: given !== undefined,
    });
    return run.error;
  }
  const index = frame.plan.stepIndex.get(action.stepId);
  const target = index === undefined ? undefined : frame.plan.steps[index];
  if (target === undefined) return { code: 'step-unknown', message: `no step '${action.stepId}'` };
  const outcome = await runStep({ frame, step: target });
  const error = outcome.kind === 'fail' || outcome.kind === 'end' ? outcome.error : undefined;
  // Only a run that cannot go on stops the retry; any other outcome of the detour is "context returned".
  return error !== undefined && (error.code === 'aborted' || error.code === 'max-steps-exceeded')
    ? error
    : undefined;
}
