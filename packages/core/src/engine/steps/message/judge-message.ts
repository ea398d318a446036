/**
 * The verdict of a message step's attempt: its successCriteria judged over `$message` (no response,
 * no response checks). A send or receive judges its own attempt (send-message.ts,
 * receive-message.ts), so one attempt is one async function from the engine to the transport.
 */
import type { ReceivedMessage, SentMessage } from '../../../adapters/message-transport.js';
import type { ExpressionContext, MissingValueListener } from '../../../expressions/context.js';
import type { StepPlan } from '../../plan/plan-types.js';
import { criteriaFailure } from '../../run/criteria-failure.js';
import type { Frame } from '../../run/frame.js';
import type { AttemptResult } from '../../run/run-step-attempt.js';
import { unmetSuccessCriterion } from '../../run/test-criteria.js';
import type { RunError } from '../../types.js';

/** The message an attempt sent or received, carried into its StepResult. */
export type CarriedMessage =
  | { readonly sentMessage: SentMessage; readonly receivedMessage?: undefined }
  | { readonly receivedMessage: ReceivedMessage; readonly sentMessage?: undefined };

/** An attempt that failed before any criterion could be judged. */
export function messageAttemptFailed(ctx: ExpressionContext, error: RunError): AttemptResult {
  return { success: false, ctx, error };
}

/** Judge `step`'s successCriteria in `ctx` (which holds `$message`); the message is carried either way. */
export function judgeMessage(
  frame: Frame,
  step: StepPlan,
  onMissing: MissingValueListener,
  ctx: ExpressionContext,
  carried: CarriedMessage,
): AttemptResult {
  const unmet = unmetSuccessCriterion(frame, step, ctx, onMissing);
  const { sentMessage, receivedMessage } = carried;
  if (unmet === undefined)
    return sentMessage === undefined
      ? { success: true, ctx, receivedMessage }
      : { success: true, ctx, sentMessage };
  const error = criteriaFailure({ stepId: step.stepId, criterion: unmet, response: undefined });
  return sentMessage === undefined
    ? { success: false, ctx, error, receivedMessage }
    : { success: false, ctx, error, sentMessage };
}
