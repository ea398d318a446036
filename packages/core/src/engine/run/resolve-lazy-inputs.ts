/**
 * Inputs with an InputProvider are resolved when the workflow first reads them: just before the
 * step (or the workflow outputs) whose expressions read `$inputs.<name>`, then validated against the
 * input's own schema. A required input that the provider leaves empty is `input-missing`. Each value
 * comes through the run's host (resolve-input-value.ts): journaled, or awaited from outside the run.
 */

import type { InputProvider } from '../../adapters/inputs.js';
import { setOwn } from '../../document/set-own.js';
import { readsInput } from '../plan/collect-input-reads.js';
import type { RunError } from '../types.js';
import { type Frame, scopeOf } from './frame.js';
import { resolveInputValue } from './resolve-input-value.js';

/**
 * Resolve the pending inputs that `reads` covers; an error when one is missing or invalid. Steps
 * running concurrently (a workflow with step dependsOn) that read the same input share one
 * resolution: the provider is asked once, and every reader waits for it.
 */
export async function resolveLazyInputs(options: {
  frame: Frame;
  reads: readonly string[];
  stepId?: string;
}): Promise<RunError | undefined> {
  const { frame, reads } = options;
  if ((frame.pending.size === 0 && frame.resolving.size === 0) || reads.length === 0) return undefined;
  const stepId = options.stepId === undefined ? {} : { stepId: options.stepId };
  for (const [name, inFlight] of frame.resolving) {
    if (!readsInput({ reads, name })) continue;
    const error = await inFlight;
    if (error !== undefined) return { ...error, ...stepId };
  }
  for (const [name, provider] of frame.pending) {
    if (!readsInput({ reads, name })) continue;
    frame.pending.delete(name);
    const resolution = resolveOne({ frame, name, provider, ...stepId });
    frame.resolving.set(name, resolution);
    const error = await resolution;
    frame.resolving.delete(name);
    if (error !== undefined) return error;
  }
  return undefined;
}

/** Ask `provider` for input `name`, validate it and set it; an error when it is missing or invalid. */
async function resolveOne(options: {
  frame: Frame;
  name: string;
  provider: InputProvider;
  stepId?: string;
}): Promise<RunError | undefined> {
  const { frame, name, provider } = options;
  const stepId = options.stepId === undefined ? {} : { stepId: options.stepId };
  const resolved = await resolveInputValue({ frame, name, provider, ...stepId });
  const value = 'value' in resolved ? resolved.value : undefined;
  if (value === undefined) {
    if (frame.plan.inputs.required.has(name)) {
      const why =
        'value' in resolved
          ? 'its provider gave no value'
          : `no value was sent to the run${resolved.timedOutMs === undefined ? '' : ` within ${resolved.timedOutMs} ms`}`;
      return { code: 'input-missing', message: `input '${name}' is required and ${why}`, ...stepId };
    }
    return undefined;
  }
  const invalid = frame.plan.inputs.validateOne(name, value);
  if (invalid !== undefined) return { ...invalid, ...stepId };
  setOwn(frame.inputs, name, value);
  frame.state.hooks.onInputResolved?.({ ...scopeOf(frame), name });
  return undefined;
}
