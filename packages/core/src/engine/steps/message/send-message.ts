/**
 * One attempt of a send step: the message built and checked (build-outgoing-message.ts), then
 * published through the run's MessageTransport as one journaled effect of the host (kind
 * `message-send`, recording the SentMessage), so a resumed run does not publish it again. 1.1.0
 * §Defining Success for Asynchronous Steps: "For AsyncAPI send operations, the step completes
 * immediately after the message is sent. Arazzo does not model broker acknowledgment or delivery
 * confirmation." `$message` then reads the message sent.
 */
import type {
  MessageContext,
  MessageTransport,
  OutgoingMessage,
  SentMessage,
} from '../../../adapters/message-transport.js';
import { TransportError } from '../../../adapters/transport.js';
import { TelaioError } from '../../../errors.js';
import { performsEffectsInline } from '../../../host/create-process-host.js';
import type { StepPlan } from '../../plan/plan-types.js';
import { effectSite } from '../../run/effect-site.js';
import { type Frame, scopeOf } from '../../run/frame.js';
import type { AttemptResult } from '../../run/run-step-attempt.js';
import { stoppedError } from '../../run/stopped-error.js';
import type { AttemptContext } from '../step-kind.js';
import { buildOutgoingMessage } from './build-outgoing-message.js';
import { judgeMessage, messageAttemptFailed } from './judge-message.js';
import { messageContext } from './message-context.js';
import { decodeSendMessage, encodeSendMessage, type SendMessageRecord } from './message-record.js';
import { stepSignal } from './step-signal.js';

/**
 * Build, check and send the message of a send step, then judge its successCriteria over `$message`.
 * Not an async function: building and checking the message is synchronous, and on the process host
 * with nothing narrowing the run's signal the transport's promise is the only wait, so the attempt
 * is that promise and one reaction (no async frame, no await of its own per message).
 */
export function sendMessage(context: AttemptContext<'message'>): Promise<AttemptResult> {
  const { frame, step, target, attempt, onMissing } = context;
  const { state } = frame;
  const { stepId } = step;
  const transport = state.transports.asyncapi;
  if (transport === undefined)
    return Promise.resolve(messageAttemptFailed(frame.base, transportMissing(stepId)));
  const built = buildOutgoingMessage({ frame, step, target, onMissing });
  if ('error' in built) return Promise.resolve(messageAttemptFailed(frame.base, built.error));
  const { message } = built;
  state.hooks.onMessageSend?.({ ...scopeOf(frame), stepId, message, attempt });
  if (performsEffectsInline(state.host) && step.timeoutMs === undefined && frame.signal === state.signal) {
    // The process host's effect is perform(run signal) and records nothing, and no step timeout or
    // narrower signal applies: straight through the transport. A send that throws is one that rejects.
    let sending: Promise<SentMessage>;
    try {
      sending = transport.send(message, state.sendContext);
    } catch (error) {
      sending = Promise.reject(error);
    }
    return sending.then(
      (sent) => sentAttempt(context, message, { sent }),
      (error: unknown) => {
        if (state.signal.aborted) return messageAttemptFailed(frame.base, stoppedError(frame, stepId));
        const failure = { code: 'message-send-failed' as const, message: describeFailure(error) };
        return sentAttempt(context, message, { error: failure });
      },
    );
  }
  return sendThroughHost(context, transport, message);
}

/** The send as an effect of the host (journaled, or under a step timeout or a narrower signal). */
async function sendThroughHost(
  context: AttemptContext<'message'>,
  transport: MessageTransport,
  message: OutgoingMessage,
): Promise<AttemptResult> {
  const { frame, step, attempt } = context;
  const { state } = frame;
  const { stepId } = step;
  let record: SendMessageRecord;
  try {
    if (performsEffectsInline(state.host))
      record = await publish(frame, step, transport, message, state.signal);
    else {
      const site = effectSite({ frame, kind: 'message-send', stepId, attempt });
      const inJournal = state.host.journaled !== false;
      const journaled = await state.host.effect({ ...site, kind: 'message-send' }, async (effectSignal) =>
        encodeSendMessage(await publish(frame, step, transport, message, effectSignal), inJournal),
      );
      record = decodeSendMessage(journaled);
    }
  } catch (error) {
    if (frame.signal.aborted) return messageAttemptFailed(frame.base, stoppedError(frame, stepId));
    throw error;
  }
  return sentAttempt(context, message, record);
}

/**
 * The attempt once the send is over: its failure, or the message sent judged. `$message` (a context
 * of its own) only when something reads it: successCriteria, outputs or success actions; else the
 * frame's.
 */
function sentAttempt(
  context: AttemptContext<'message'>,
  message: OutgoingMessage,
  record: SendMessageRecord,
): AttemptResult {
  const { frame, step, attempt, onMissing } = context;
  const { stepId } = step;
  if ('error' in record) return messageAttemptFailed(frame.base, { ...record.error, stepId });
  frame.state.hooks.onMessageSent?.({ ...scopeOf(frame), stepId, message: record.sent, attempt });
  // A failed send never reaches here, so only its criteria, outputs and success actions can read it.
  const readsMessage =
    step.successCriteria.length > 0 || step.outputs.length > 0 || step.onSuccess.length > 0;
  const ctx = readsMessage ? messageContext(frame, message.headers, message.payload) : frame.base;
  return judgeMessage(frame, step, onMissing, ctx, { sentMessage: record.sent });
}

/**
 * The effect of a send: the message through the transport under the step's signal (its timeout
 * too); a failure as data, a rejection only when the run (or the host's effect signal) stopped it.
 */
async function publish(
  frame: Frame,
  step: StepPlan,
  transport: MessageTransport,
  message: OutgoingMessage,
  effectSignal: AbortSignal,
): Promise<SendMessageRecord> {
  const { state } = frame;
  const { signal, outer, timedOut, dispose } = stepSignal(frame, effectSignal, step.timeoutMs);
  // The run's own context object when nothing narrows the signal (no object per send).
  const context: MessageContext =
    signal === state.signal
      ? state.sendContext
      : state.credentials === undefined
        ? { signal }
        : { signal, credentials: state.credentials };
  try {
    return { sent: await transport.send(message, context) };
  } catch (error) {
    if (outer.aborted) throw error;
    if (timedOut())
      return {
        error: {
          code: 'step-timeout',
          message: `step '${step.stepId}' did not complete within its timeout of ${step.timeoutMs} ms; the send was aborted`,
        },
      };
    return { error: { code: 'message-send-failed', message: describeFailure(error) } };
  } finally {
    dispose();
  }
}

/** The error of a message step when the engine has no MessageTransport. */
export function transportMissing(stepId: string) {
  return {
    code: 'message-transport-missing' as const,
    message: `step '${stepId}' sends or receives an AsyncAPI message, but the engine has no message transport (EngineOptions.messageTransport)`,
    stepId,
  };
}

/** A transport's failure in words, with its code. */
export function describeFailure(error: unknown): string {
  const code =
    error instanceof TransportError || error instanceof TelaioError
      ? error.code
      : (error as { code?: unknown }).code;
  const text = error instanceof Error ? error.message : String(error);
  return `${text}${typeof code === 'string' ? ` (${code})` : ''}`;
}
