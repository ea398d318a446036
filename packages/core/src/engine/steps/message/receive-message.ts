/**
 * One attempt of a receive step (1.1.0 §Defining Success for Asynchronous Steps): it takes, from the
 * subscription its workflow opened when it started (receive-subscriptions.ts), the first message
 * matching its `correlationId` ("If correlationId is specified, only messages matching the
 * correlation identifier are considered"), waiting at most its `timeout` (else the engine's
 * receiveTimeoutMs): "If no matching message is received within the timeout period, the step fails
 * and triggers any defined onFailure actions" (`message-timeout`). The wait is one journaled effect
 * of the host (kind `message-receive`, recording the ReceivedMessage or the timeout), so a resumed
 * run gets the same message without waiting. `$message` then reads the message received.
 */
import { matchesCorrelation } from '../../../adapters/match-correlation.js';
import type {
  CorrelationFilter,
  MessageSubscription,
  ReceivedMessage,
} from '../../../adapters/message-transport.js';
import { TransportError } from '../../../adapters/transport.js';
import { performsEffectsInline } from '../../../host/create-process-host.js';
import { readMonotonicMs } from '../../../time/read-monotonic-ms.js';
import { effectSite } from '../../run/effect-site.js';
import { scopeOf } from '../../run/frame.js';
import type { AttemptResult } from '../../run/run-step-attempt.js';
import { stoppedError } from '../../run/stopped-error.js';
import type { AttemptContext } from '../step-kind.js';
import { isDryRunTransport } from './create-dry-run-message-transport.js';
import { judgeMessage, messageAttemptFailed } from './judge-message.js';
import { messageContext } from './message-context.js';
import { decodeReceiveMessage, encodeReceiveMessage, type ReceiveMessageRecord } from './message-record.js';
import { type ReceiveSlot, receiveSlotFor } from './receive-subscriptions.js';
import { resolveMessageTarget } from './resolve-message-target.js';
import { describeFailure, transportMissing } from './send-message.js';
import { outerSignal } from './step-signal.js';

/** Where the correlation value is read when the messages declare no Correlation ID: the protocol's own field. */
const PROTOCOL_CORRELATION = '$message.header';

/**
 * Wait for the message of a receive step, then judge its successCriteria over `$message`. Not an
 * async function: the target, the correlation value and the slot are known at once, and on the
 * process host with the subscription open the subscription's next() is the only wait, so the
 * attempt is that promise and one reaction (no async frame of its own per message).
 */
export function receiveMessage(context: AttemptContext<'message'>): Promise<AttemptResult> {
  const { frame, step, target, attempt, onMissing } = context;
  const { state } = frame;
  const { stepId } = step;
  if (state.transports.asyncapi === undefined)
    return Promise.resolve(messageAttemptFailed(frame.base, transportMissing(stepId)));
  // The target its subscription was opened for when that is final (an address reading only the
  // workflow's inputs), else resolved now.
  let resolvedTarget = frame.receives.get(stepId)?.target;
  if (resolvedTarget === undefined) {
    const resolved = resolveMessageTarget({ state, step, target, ctx: frame.base, onMissing });
    if ('missing' in resolved)
      return Promise.resolve(
        messageAttemptFailed(frame.base, {
          code: 'parameter-missing',
          message: `step '${stepId}' has no value for the channel parameter '${resolved.missing}' of '${target.target.address}' (give it as a parameter in: path)`,
          stepId,
        }),
      );
    resolvedTarget = resolved.target;
  }
  let correlation: CorrelationFilter | undefined;
  if (target.correlationId !== undefined) {
    const value = target.correlationId.evaluate(frame.base, onMissing);
    if (value === undefined || value === null || typeof value === 'object')
      return Promise.resolve(
        messageAttemptFailed(frame.base, {
          code: 'message-receive-failed',
          message: `step '${stepId}': its correlationId reached no value, so no message can be told to be its own`,
          stepId,
        }),
      );
    correlation = { location: target.correlationLocation ?? PROTOCOL_CORRELATION, value: String(value) };
  }
  const slot = receiveSlotFor(frame, step, resolvedTarget);
  const timeoutMs = step.timeoutMs ?? state.receiveTimeoutMs;
  state.hooks.onMessageWait?.({
    ...scopeOf(frame),
    stepId,
    address: resolvedTarget.address,
    ...(correlation === undefined ? {} : { correlation }),
    timeoutMs,
    attempt,
  });
  const address = resolvedTarget.address;
  // A dry run's placeholder message stands for the matching one.
  const filter = isDryRunTransport(state.transports.asyncapi) ? undefined : correlation;
  const subscription = slot.subscription;
  if (subscription === undefined || !performsEffectsInline(state.host))
    return receiveThroughHost(context, slot, filter, timeoutMs, address);
  // The process host's effect is perform(run signal) and records nothing; the subscription is open
  // already: take the message here, with no effect wrapper and no wait for readiness. The first
  // message is awaited here; only a message that is not this step's (another correlation id,
  // another address) goes on to take()'s loop.
  const deadline = readMonotonicMs() + timeoutMs;
  let waiting: Promise<ReceivedMessage>;
  try {
    waiting = subscription.next({ signal: frame.signal, timeoutMs });
  } catch (error) {
    waiting = Promise.reject(error);
  }
  return waiting.then(
    (first): AttemptResult | Promise<AttemptResult> => {
      if (first.address === address && matchesCorrelation(first, filter))
        return receivedAttempt(context, { received: first });
      const rest = { ready: subscription, correlation: filter, timeoutMs, stepId, frame, address };
      const more = { ...rest, effectSignal: state.signal, skipped: 1, deadline };
      return take(more).then(
        (record) => receivedAttempt(context, record),
        (error: unknown) => stoppedOrThrow(context, error),
      );
    },
    (error: unknown) => {
      if (frame.signal.aborted) return stoppedOrThrow(context, error);
      const failure = { correlation: filter, timeoutMs, stepId, address, skipped: 0 };
      return receivedAttempt(context, takeFailure(error, failure));
    },
  );
}

/** A wait the run's stop ended is the step stopped; any other throw is a bug, rethrown. */
function stoppedOrThrow(context: AttemptContext<'message'>, error: unknown): AttemptResult {
  const { frame, step } = context;
  if (frame.signal.aborted) return messageAttemptFailed(frame.base, stoppedError(frame, step.stepId));
  throw error;
}

/** The wait as an effect of the host (journaled), or once the subscription is ready. */
async function receiveThroughHost(
  context: AttemptContext<'message'>,
  slot: ReceiveSlot,
  filter: CorrelationFilter | undefined,
  timeoutMs: number,
  address: string,
): Promise<AttemptResult> {
  const { frame, step, attempt } = context;
  const { state } = frame;
  const { stepId } = step;
  let record: ReceiveMessageRecord;
  try {
    const site = effectSite({ frame, kind: 'message-receive', stepId, attempt });
    const inJournal = state.host.journaled !== false;
    const journaled = await state.host.effect({ ...site, kind: 'message-receive' }, async (effectSignal) => {
      const ready = await slot.ready;
      if (!('next' in ready))
        return encodeReceiveMessage(
          {
            error: {
              code: 'message-receive-failed',
              message: `step '${stepId}' could not subscribe to '${slot.address}': ${ready.error}`,
            },
          },
          inJournal,
        );
      return encodeReceiveMessage(
        await take({ ready, correlation: filter, timeoutMs, stepId, frame, effectSignal, address }),
        inJournal,
      );
    });
    record = decodeReceiveMessage(journaled, inJournal);
  } catch (error) {
    return stoppedOrThrow(context, error);
  }
  return receivedAttempt(context, record);
}

/** The attempt once the wait is over: its failure, or the message received judged over `$message`. */
function receivedAttempt(context: AttemptContext<'message'>, record: ReceiveMessageRecord): AttemptResult {
  const { frame, step, attempt, onMissing } = context;
  const { stepId } = step;
  if ('error' in record) return messageAttemptFailed(frame.base, { ...record.error, stepId });
  const message = record.received;
  frame.state.hooks.onMessageReceived?.({ ...scopeOf(frame), stepId, message, attempt });
  const ctx = messageContext(frame, message.headers, message.payload);
  return judgeMessage(frame, step, onMissing, ctx, { receivedMessage: message });
}

/** The first message of `ready` matching `correlation` before the timeout; a failure as data. */
async function take(options: {
  readonly ready: MessageSubscription;
  readonly correlation: CorrelationFilter | undefined;
  readonly timeoutMs: number;
  readonly stepId: string;
  readonly frame: AttemptContext<'message'>['frame'];
  readonly effectSignal: AbortSignal;
  readonly address: string;
  /** Messages already taken and skipped by the caller, and the deadline it counted from. */
  readonly skipped?: number;
  readonly deadline?: number;
}): Promise<ReceiveMessageRecord> {
  const { ready, correlation, timeoutMs, address } = options;
  // The timeout is the subscription's own (next's timeoutMs, counted down across skipped messages):
  // no timer signal, no AbortController per message.
  const outer = outerSignal(options.frame, options.effectSignal);
  const deadline = options.deadline ?? readMonotonicMs() + timeoutMs;
  let skipped = options.skipped ?? 0;
  try {
    for (;;) {
      const left = skipped === 0 ? timeoutMs : Math.max(0, deadline - readMonotonicMs());
      const message = await ready.next({ signal: outer, timeoutMs: left });
      // A wildcard subscription (channel parameters unknown at the start) also gets other addresses.
      if (message.address === address && matchesCorrelation(message, correlation))
        return { received: message };
      skipped += 1;
    }
  } catch (error) {
    if (outer.aborted) throw error;
    return takeFailure(error, { ...options, skipped });
  }
}

/** Why no message was taken, as data: the timeout (with how many others did not match), or the transport's failure. */
function takeFailure(
  error: unknown,
  options: {
    readonly correlation: CorrelationFilter | undefined;
    readonly timeoutMs: number;
    readonly stepId: string;
    readonly address: string;
    readonly skipped: number;
  },
): ReceiveMessageRecord {
  const { correlation, timeoutMs, stepId, address, skipped } = options;
  if (error instanceof TransportError && error.code === 'TIMEOUT') {
    const which =
      correlation === undefined ? 'no message' : `no message with correlation id '${correlation.value}'`;
    const others =
      skipped === 0 ? '' : ` (${skipped} other message${skipped === 1 ? '' : 's'} did not match)`;
    return {
      error: {
        code: 'message-timeout',
        message: `step '${stepId}': ${which} arrived on '${address}' within its timeout of ${timeoutMs} ms${others}`,
      },
    };
  }
  return {
    error: { code: 'message-receive-failed', message: `step '${stepId}': ${describeFailure(error)}` },
  };
}
