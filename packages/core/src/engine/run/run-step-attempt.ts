/**
 * One attempt of a step: the work of its kind (STEP_KINDS: an operation call, a nested workflow run),
 * then successCriteria. A step with no successCriteria succeeds when its work succeeded ("All
 * assertions MUST be satisfied": none means nothing to fail); a send with no response never succeeds.
 */

import type { ReceivedMessage, SentMessage } from '../../adapters/message-transport.js';
import type { ReceivedResponse } from '../../adapters/transport.js';
import type { ResponseCheckFailure } from '../../checks/check-types.js';
import type { ExpressionContext, MissingValueListener } from '../../expressions/context.js';
import type { StepPlan } from '../plan/plan-types.js';
import { receiveMessage } from '../steps/message/receive-message.js';
import { sendMessage } from '../steps/message/send-message.js';
import { stepKindOf } from '../steps/step-kinds.js';
import type { RunError } from '../types.js';
import { criteriaFailure } from './criteria-failure.js';
import type { Frame } from './frame.js';
import { unmetSuccessCriterion } from './test-criteria.js';

/** The verdict of one attempt. */
export interface AttemptResult {
  readonly success: boolean;
  readonly ctx: ExpressionContext;
  readonly response?: ReceivedResponse;
  /** Why it failed (criteria, transport, nested workflow, abort). */
  readonly error?: RunError;
  /** For workflow steps: the nested workflow's outputs. */
  readonly childOutputs?: Readonly<Record<string, unknown>>;
  /** Failed response checks of this attempt (operation steps, with the engine's responseChecks). */
  readonly checks?: readonly ResponseCheckFailure[];
  /** Message steps: the message sent. */
  readonly sentMessage?: SentMessage;
  /** Message steps: the message received. */
  readonly receivedMessage?: ReceivedMessage;
}

/** What one attempt of a step runs in: the run's frame, the step's plan, the attempt's number (1-based) and the missing-value listener. */
export interface StepAttemptOptions {
  readonly frame: Frame;
  readonly step: StepPlan;
  readonly attempt: number;
  readonly onMissing: MissingValueListener;
}

/**
 * Run one attempt of `step`. A message step's attempt judges its own criteria (judge-message.ts):
 * its promise is the attempt's, with no async layer of this function's around it.
 */
export function runStepAttempt(options: StepAttemptOptions): Promise<AttemptResult> {
  const { frame, step, onMissing } = options;
  const { target } = step;
  if (target.kind === 'message') {
    const context = { frame, step, target, attempt: options.attempt, onMissing };
    return target.action === 'send' ? sendMessage(context) : receiveMessage(context);
  }
  return judgeAttempt(options);
}

/** The work of the step's kind, then its successCriteria and response checks. */
async function judgeAttempt(options: StepAttemptOptions): Promise<AttemptResult> {
  const { frame, step, onMissing } = options;
  const { target } = step;
  const done = await stepKindOf(target).attempt({ frame, step, target, attempt: options.attempt, onMissing });
  const { ctx, response, childOutputs } = done;
  const checks = done.checks;
  if (done.error !== undefined) return { success: false, ctx, response, childOutputs, error: done.error };
  const unmet = unmetSuccessCriterion(frame, step, ctx, onMissing);
  if (unmet !== undefined) {
    const error = criteriaFailure({ stepId: step.stepId, criterion: unmet, response });
    return {
      success: false,
      ctx,
      response,
      childOutputs,
      error,
      ...(checks === undefined ? {} : { checks }),
    };
  }
  // The criteria held: a failed response check of severity error still fails the attempt, as one more assertion.
  const failed = checks?.find((c) => c.severity === 'error');
  if (failed === undefined)
    return { success: true, ctx, response, childOutputs, ...(checks === undefined ? {} : { checks }) };
  const error: RunError = {
    code: 'response-check-failed',
    message: `${failed.respectName}: ${failed.message}${failed.location === undefined ? '' : ` (${failed.location.uri}:${failed.location.line})`}`,
    stepId: step.stepId,
  };
  return { success: false, ctx, response, childOutputs, error, checks: checks ?? [] };
}
