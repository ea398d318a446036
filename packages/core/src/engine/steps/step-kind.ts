/**
 * The interface every step kind implements: what one attempt of a step of that kind does before its
 * successCriteria are judged (send a request, run a workflow, send or receive a message).
 */

import type { ReceivedMessage, SentMessage } from '../../adapters/message-transport.js';
import type { ReceivedResponse } from '../../adapters/transport.js';
import type { ResponseCheckFailure } from '../../checks/check-types.js';
import type { ExpressionContext, MissingValueListener } from '../../expressions/context.js';
import type { StepPlan, StepTarget } from '../plan/plan-types.js';
import type { Frame } from '../run/frame.js';
import type { RunError } from '../types.js';

/** The target variant of kind `K`. */
export type TargetOf<K extends StepTarget['kind']> = Extract<StepTarget, { readonly kind: K }>;

/** What an attempt of a step of kind `K` is given. */
export interface AttemptContext<K extends StepTarget['kind']> {
  readonly frame: Frame;
  readonly step: StepPlan;
  readonly target: TargetOf<K>;
  /** 1 for the first attempt, +1 per retry. */
  readonly attempt: number;
  readonly onMissing: MissingValueListener;
}

/** What the kind's work yields; the caller then judges successCriteria in `ctx`. */
export interface KindOutcome {
  /** The context criteria and outputs are evaluated in (`$response`, `$outputs`, ...). */
  readonly ctx: ExpressionContext;
  readonly response?: ReceivedResponse;
  /** Set when the attempt failed before any criterion could be judged. */
  readonly error?: RunError;
  /** For workflow steps: the nested workflow's outputs. */
  readonly childOutputs?: Readonly<Record<string, unknown>>;
  /** For operation steps with response checks: the failed checks of this response. */
  readonly checks?: readonly ResponseCheckFailure[];
  /** For send steps: the message as sent. */
  readonly sentMessage?: SentMessage;
  /** For receive steps: the message received. */
  readonly receivedMessage?: ReceivedMessage;
}

/** One step kind: its `kind` tag and its attempt. */
export interface StepKind<K extends StepTarget['kind']> {
  readonly kind: K;
  /** Do the step's work once; failures are data (`error`), never throws. */
  attempt(context: AttemptContext<K>): Promise<KindOutcome>;
}
