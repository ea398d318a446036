/**
 * The steps of a workflow that uses 1.1 step `dependsOn`, scheduled by their dependencies (1.1.0
 * §Step Dependencies and Execution Order, Tool Behavior: "Tools MUST respect all declared dependsOn
 * relationships. Tools MUST also treat runtime expression output references ... as implicit
 * dependencies and ensure the referenced step completes before the referencing step executes"). A
 * step starts once every step it depends on has completed successfully; steps that do not depend on
 * each other run concurrently (at most `maxConcurrentSteps` at once, started in document order), so
 * a receive step waits for its message while later steps run, and a step that `dependsOn` it joins
 * it ("dependsOn establishes a join point for in-flight async work").
 *
 * Actions keep their meaning: `end`, or a failure no action handles, ends the workflow and stops the
 * steps still running (their results say `stopped`); `goto` a step waits for the running steps, then
 * runs that step again and, after it, the steps that depend on it; `goto` a workflow stops the
 * running steps and transfers control. When nothing can start (a dependency failed and was
 * recovered by a goto elsewhere, or a cycle), the first waiting step in order runs anyway and fails
 * with `dependency-unmet` as it would in order.
 */
import { combineSignals } from '../../adapters/combine-signals.js';
import type { StepPlan } from '../plan/plan-types.js';
import type { RunError } from '../types.js';
import type { Frame } from './frame.js';
import { invokeWorkflow } from './invoke-workflow.js';
import { runStep } from './run-step.js';
import type { StepOutcome } from './step-outcome.js';
import { WorkflowEndedReason } from './stopped-error.js';

type Status = 'waiting' | 'running' | 'succeeded' | 'failed';

/** Run the steps of `frame` by their dependencies; the workflow's error, if it fails. */
export async function runStepsConcurrently(frame: Frame): Promise<RunError | undefined> {
  const { plan, state } = frame;
  const dependencies = plan.stepDependencies ?? new Map<string, readonly string[]>();
  const status = new Map<string, Status>(plan.steps.map((s) => [s.stepId, 'waiting']));
  const stop = new AbortController();
  const stepFrame: Frame = { ...frame, signal: combineSignals(frame.signal, stop.signal) };
  const running = new Map<string, Promise<{ step: StepPlan; outcome: StepOutcome }>>();
  let ended: { error?: RunError } | undefined;
  let transfer: Extract<StepOutcome, { kind: 'goto-workflow' }> | undefined;
  let transferStep = '';
  let gotoStep: string | undefined;
  const ready = (step: StepPlan): boolean =>
    status.get(step.stepId) === 'waiting' &&
    (dependencies.get(step.stepId) ?? []).every((id) => status.get(id) === 'succeeded');
  const launch = (step: StepPlan): void => {
    status.set(step.stepId, 'running');
    running.set(
      step.stepId,
      runStep({ frame: stepFrame, step }).then((outcome) => ({ step, outcome })),
    );
  };
  const finish = (error: RunError | undefined, stepId: string): void => {
    ended ??= error === undefined ? {} : { error };
    if (running.size > 0) stop.abort(new WorkflowEndedReason(stepId));
  };
  for (;;) {
    if (ended === undefined && transfer === undefined && gotoStep === undefined) {
      for (const step of plan.steps) {
        if (running.size >= state.maxConcurrentSteps) break;
        if (ready(step)) launch(step);
      }
      if (running.size === 0) {
        const next = plan.steps.find((s) => status.get(s.stepId) === 'waiting');
        if (next === undefined) return undefined;
        launch(next);
      }
    }
    if (running.size === 0) {
      if (ended !== undefined) return ended.error;
      if (transfer !== undefined) {
        const inputs = transfer.inputs ?? frame.inputs;
        const given = transfer.inputs !== undefined;
        const options = { inputs, via: 'goto', stepId: transferStep, given } as const;
        return (await invokeWorkflow(frame, transfer.workflow, options)).error;
      }
      if (gotoStep !== undefined) {
        for (const id of [gotoStep, ...dependantsOf(gotoStep, dependencies)]) status.set(id, 'waiting');
        gotoStep = undefined;
      }
      continue;
    }
    const { step, outcome } = await Promise.race(running.values());
    running.delete(step.stepId);
    const succeeded = lastStatusOf(frame, step.stepId) === 'success';
    status.set(step.stepId, succeeded ? 'succeeded' : 'failed');
    if (ended !== undefined || transfer !== undefined) continue;
    switch (outcome.kind) {
      case 'next':
        break;
      case 'end':
      case 'fail':
        finish(outcome.error, step.stepId);
        break;
      case 'goto-step':
        if (!plan.stepIndex.has(outcome.stepId))
          finish(
            { code: 'step-unknown', message: `goto names no step '${outcome.stepId}'`, stepId: step.stepId },
            step.stepId,
          );
        else gotoStep ??= outcome.stepId;
        break;
      case 'goto-workflow':
        transfer = outcome;
        transferStep = step.stepId;
        if (running.size > 0) stop.abort(new WorkflowEndedReason(step.stepId));
        break;
    }
  }
}

/** Every step that depends on `stepId`, directly or not. */
function dependantsOf(stepId: string, dependencies: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  const queue = [stepId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const [other, needs] of dependencies)
      if (needs.includes(id) && !found.has(other) && other !== stepId) {
        found.add(other);
        queue.push(other);
      }
  }
  return [...found];
}

/** The status of the latest execution of `stepId` in `frame`'s workflow. */
function lastStatusOf(frame: Frame, stepId: string): string | undefined {
  const { steps } = frame.state;
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s !== undefined && s.stepId === stepId && s.workflowId === frame.plan.workflowId) return s.status;
  }
  return undefined;
}
