/**
 * Inputs with an InputProvider are resolved when the workflow first reads them: just before the
 * step (or the workflow outputs) whose expressions read `$inputs.<name>`, then validated against the
 * input's own schema. A required input that the provider leaves empty is `input-missing`. Each value
 * comes through the run's host (resolve-input-value.ts): journaled, or awaited from outside the run.
 */

import { setOwn } from '../../document/set-own.js';
import { readsInput } from '../plan/collect-input-reads.js';
import type { RunError } from '../types.js';
import type { Frame } from './frame.js';
import { resolveInputValue } from './resolve-input-value.js';

/** Resolve the pending inputs that `reads` covers; an error when one is missing or invalid. */
export async function resolveLazyInputs(options: {
  frame: Frame;
  reads: readonly string[];
  stepId?: string;
}): Promise<RunError | undefined> {
  const { frame, reads } = options;
  if (frame.pending.size === 0 || reads.length === 0) return undefined;
  for (const [name, provider] of frame.pending) {
    if (!readsInput({ reads, name })) continue;
    frame.pending.delete(name);
    const resolved = await resolveInputValue({
      frame,
      name,
      provider,
      ...(options.stepId === undefined ? {} : { stepId: options.stepId }),
    });
    const stepId = options.stepId === undefined ? {} : { stepId: options.stepId };
    const value = 'value' in resolved ? resolved.value : undefined;
    if (value === undefined) {
      if (frame.plan.inputs.required.has(name)) {
        const why =
          'value' in resolved
            ? 'its provider gave no value'
            : `no value was sent to the run${resolved.timedOutMs === undefined ? '' : ` within ${resolved.timedOutMs} ms`}`;
        return { code: 'input-missing', message: `input '${name}' is required and ${why}`, ...stepId };
      }
      continue;
    }
    const invalid = frame.plan.inputs.validateOne(name, value);
    if (invalid !== undefined) return { ...invalid, ...stepId };
    setOwn(frame.inputs, name, value);
    frame.state.hooks.onInputResolved?.({ ...frame.scope, name });
  }
  return undefined;
}
