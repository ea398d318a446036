import type { RunResult, StepResult } from '@telaio/core';
import type { Masker } from './create-masker.js';

/** `step` with the message it sent or received masked as a request is (Masker.message). */
export function maskStepMessages(step: StepResult, masker: Masker): StepResult {
  if (step.sentMessage === undefined && step.receivedMessage === undefined) return step;
  return {
    ...step,
    ...(step.sentMessage === undefined ? {} : { sentMessage: masker.message(step.sentMessage) }),
    ...(step.receivedMessage === undefined ? {} : { receivedMessage: masker.message(step.receivedMessage) }),
  };
}

/** `result` with every step's message masked (maskStepMessages); the rest as it was. */
export function maskRunMessages(result: RunResult, masker: Masker): RunResult {
  if (!result.steps.some((s) => s.sentMessage !== undefined || s.receivedMessage !== undefined))
    return result;
  return { ...result, steps: result.steps.map((step) => maskStepMessages(step, masker)) };
}
