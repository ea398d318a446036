/**
 * The `message` step kind (Arazzo 1.1 AsyncAPI steps, `action: send | receive`): a send step
 * publishes the message it builds, a receive step takes the message its subscription got; either
 * way through the engine's MessageTransport, and `$message` is what criteria and outputs read.
 * Its attempt judges the step's successCriteria itself (judge-message.ts), so the result is an
 * AttemptResult, and runStepAttempt calls sendMessage/receiveMessage directly.
 */
import type { StepKind } from '../step-kind.js';
import { receiveMessage } from './receive-message.js';
import { sendMessage } from './send-message.js';

/** Message steps (`operationId` / `operationPath` / `channelPath` on an `asyncapi` source). */
export const messageStep: StepKind<'message'> = {
  kind: 'message',
  attempt: (context) => (context.target.action === 'send' ? sendMessage(context) : receiveMessage(context)),
};
