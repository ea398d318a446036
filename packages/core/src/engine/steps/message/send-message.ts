/**
 * One attempt of a send step: the message built and checked (build-outgoing-message.ts), then
 * published through the run's MessageTransport as one journaled effect of the host (kind
 * `message-send`, recording the SentMessage), so a resumed run does not publish it again. 1.1.0
 * §Defining Success for Asynchronous Steps: "For AsyncAPI send operations, the step completes
 * immediately after the message is sent. Arazzo does not model broker acknowledgment or delivery
 * confirmation." `$message` then reads the message sent.
 */
import { TransportError } from '../../../adapters/transport.js';
import { TelaioError } from '../../../errors.js';
import { effectSite } from '../../run/effect-site.js';
import { stoppedError } from '../../run/stopped-error.js';
import type { AttemptContext, KindOutcome } from '../step-kind.js';
import { buildOutgoingMessage } from './build-outgoing-message.js';
import { messageContext } from './message-context.js';
import { decodeSendMessage, encodeSendMessage, type SendMessageRecord } from './message-record.js';
import { stepSignal } from './step-signal.js';

/** Build, check and send the message of a send step. */
export async function sendMessage(context: AttemptContext<'message'>): Promise<KindOutcome> {
  const { frame, step, target, attempt, onMissing } = context;
  const { state } = frame;
  const { stepId } = step;
  const transport = state.transports.asyncapi;
  if (transport === undefined) return { ctx: frame.base, error: transportMissing(stepId) };
  const built = buildOutgoingMessage({ frame, step, target, onMissing });
  if ('error' in built) return { ctx: frame.base, error: built.error };
  const { message } = built;
  state.hooks.onMessageSend?.({ ...frame.scope, stepId, message, attempt });
  const site = effectSite({ frame, kind: 'message-send', stepId, attempt });
  let record: SendMessageRecord;
  const inJournal = state.host.journaled !== false;
  try {
    const journaled = await state.host.effect({ ...site, kind: 'message-send' }, async (effectSignal) => {
      const { signal, outer, timedOut, dispose } = stepSignal(frame, effectSignal, step.timeoutMs);
      const credentials = state.credentials === undefined ? {} : { credentials: state.credentials };
      try {
        return encodeSendMessage(
          { sent: await transport.send(message, { signal, ...credentials }) },
          inJournal,
        );
      } catch (error) {
        if (outer.aborted) throw error;
        if (timedOut())
          return encodeSendMessage(
            {
              error: {
                code: 'step-timeout',
                message: `step '${stepId}' did not complete within its timeout of ${step.timeoutMs} ms; the send was aborted`,
              },
            },
            inJournal,
          );
        return encodeSendMessage(
          { error: { code: 'message-send-failed', message: describeFailure(error) } },
          inJournal,
        );
      } finally {
        dispose();
      }
    });
    record = decodeSendMessage(journaled);
  } catch (error) {
    if (frame.signal.aborted) return { ctx: frame.base, error: stoppedError(frame, stepId) };
    throw error;
  }
  if ('error' in record) return { ctx: frame.base, error: { ...record.error, stepId } };
  state.hooks.onMessageSent?.({ ...frame.scope, stepId, message: record.sent, attempt });
  return { ctx: messageContext(frame, message.headers, message.payload), sentMessage: record.sent };
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
