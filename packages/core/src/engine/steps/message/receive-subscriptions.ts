/**
 * The subscriptions of a workflow's receive steps. Each is opened when the workflow starts, before
 * any of its steps (or dependsOn workflows) runs, so a message that a later step causes, however
 * fast it comes, is buffered until its receive step takes it (1.1.0 §Defining Success for
 * Asynchronous Steps: the step completes on "message receipt"; a reply must not race the
 * subscription). A channel address whose `{parameters}` need a value not known at the start (a
 * parameter reading a step's outputs) is subscribed with a single-level wildcard in their place on
 * MQTT (and the in-memory broker), and the step then takes only messages on its concrete address;
 * on other protocols it subscribes when the step runs. Subscriptions stay open for later
 * executions of the step (goto, retry) and close when the workflow ends.
 */
import type { MessageSubscription, MessageTarget } from '../../../adapters/message-transport.js';
import type { MessageStepTarget, StepPlan } from '../../plan/plan-types.js';
import type { Frame } from '../../run/frame.js';
import { addressReadsOnlyInputs, chosenServerUrl, resolveMessageTarget } from './resolve-message-target.js';

/** One receive step's subscription: the address it listens on, and the subscription or why there is none. */
export interface ReceiveSlot {
  readonly address: string;
  /** True when `address` holds MQTT `+` wildcards for channel parameters not known at the start. */
  readonly wildcard?: boolean;
  readonly ready: Promise<MessageSubscription | { readonly error: string }>;
  /** The subscription once `ready` resolved with one: taken from without awaiting `ready` again. */
  readonly subscription: MessageSubscription | undefined;
  /**
   * The target resolved when the workflow started, when the step's address reads only its inputs
   * (addressReadsOnlyInputs): the step takes it instead of resolving its address again.
   */
  readonly target?: MessageTarget;
}

/** A slot as subscribe() fills it in. */
interface OpenSlot extends ReceiveSlot {
  subscription: MessageSubscription | undefined;
}

/** Receive subscriptions of one frame, by stepId. */
export type ReceiveSubscriptions = Map<string, ReceiveSlot>;

/** A missing channel parameter is not told at the start (the step tells it when it runs). */
const SILENT = (): undefined => undefined;

/** Subscribe every receive step of `frame`'s workflow whose address is known now; resolves once all are in place. */
export function openReceiveSubscriptions(frame: Frame): Promise<unknown> {
  const transport = frame.state.transports.asyncapi;
  if (transport === undefined || frame.plan.receiveSteps.length === 0) return Promise.resolve();
  for (const step of frame.plan.receiveSteps) {
    const target = step.target as MessageStepTarget;
    const resolved = resolveMessageTarget({
      state: frame.state,
      step,
      target,
      ctx: frame.base,
      onMissing: SILENT,
    });
    if ('target' in resolved)
      subscribe(frame, step, resolved.target, false, addressReadsOnlyInputs(step, target));
    else {
      // Not known yet: the address with wildcards, through the server chosen for the source (--server).
      const serverUrl = chosenServerUrl(frame.state, target);
      const early: MessageTarget = {
        ...target.target,
        address: target.target.address.replace(PARAMETER, '+'),
        ...(serverUrl === undefined ? {} : { serverUrl }),
      };
      if (WILDCARD_PROTOCOLS.test(protocolOf(early))) subscribe(frame, step, early, true);
    }
  }
  // Not an async function: one receive step's readiness is its subscription's own promise.
  if (frame.receives.size === 1) return (frame.receives.values().next().value as ReceiveSlot).ready;
  return Promise.all([...frame.receives.values()].map((slot) => slot.ready));
}

/** The slot of `step` listening on `target`'s address: the one opened at the start, else a new one. */
export function receiveSlotFor(frame: Frame, step: StepPlan, target: MessageTarget): ReceiveSlot {
  const slot = frame.receives.get(step.stepId);
  if (slot !== undefined && slot.address === target.address) return slot;
  if (slot?.wildcard === true && coversAddress(slot.address, target.address)) return slot;
  if (slot !== undefined) void close(slot);
  return subscribe(frame, step, target);
}

/**
 * Close every subscription of `frame` (its workflow ended); resolves when all are closed. The slots
 * stay in the map (emptying it makes V8 allocate a new table, per run): the frame is done, and
 * closing a subscription twice is closing it once.
 */
export function closeReceiveSubscriptions(frame: Frame): Promise<unknown> {
  if (frame.receives.size === 0) return Promise.resolve();
  if (frame.receives.size === 1) return close(frame.receives.values().next().value as ReceiveSlot);
  return Promise.all([...frame.receives.values()].map(close));
}

const PARAMETER = /\{[^{}]+\}/g;
const WILDCARD_PROTOCOLS = /^(?:mqtts?|secure-mqtt|ws-mqtt|memory)$/i;

/** The protocol a target will use: the scheme of its chosen URL, else its first server's. */
function protocolOf(target: MessageTarget): string {
  const scheme =
    target.serverUrl === undefined ? undefined : /^([a-z][a-z0-9+.-]*):/i.exec(target.serverUrl)?.[1];
  return scheme ?? target.servers[0]?.protocol ?? '';
}

/** True when MQTT filter `filter` (`+` one level) covers `address`. */
export function coversAddress(filter: string, address: string): boolean {
  const want = filter.split('/');
  const have = address.split('/');
  return want.length === have.length && want.every((w, i) => w === '+' || w === have[i]);
}

function subscribe(
  frame: Frame,
  step: StepPlan,
  target: MessageTarget,
  wildcard = false,
  /** True when `target` is the one every execution of the step resolves (kept in the slot). */
  final = false,
): ReceiveSlot {
  const { state } = frame;
  const transport = state.transports.asyncapi;
  const plan = step.target as MessageStepTarget;
  // The run's own context when the frame's signal is the run's (no object per subscription).
  const context =
    frame.signal === state.signal
      ? state.sendContext
      : state.credentials === undefined
        ? { signal: frame.signal }
        : { signal: frame.signal, credentials: state.credentials };
  // Assigned before the subscription can settle (its handlers run on a later microtask).
  let slot: OpenSlot;
  const ready: ReceiveSlot['ready'] =
    transport === undefined
      ? Promise.resolve({ error: 'no message transport is configured' })
      : transport.subscribe({ target, messages: plan.messages }, context).then(
          (subscription) => {
            slot.subscription = subscription;
            return subscription;
          },
          (error: unknown) => {
            const code = (error as { code?: unknown }).code;
            return {
              error: `${(error as Error).message ?? String(error)}${typeof code === 'string' ? ` (${code})` : ''}`,
            };
          },
        );
  slot = final
    ? { address: target.address, wildcard, ready, subscription: undefined, target }
    : { address: target.address, wildcard, ready, subscription: undefined };
  frame.receives.set(step.stepId, slot);
  return slot;
}

const ignore = (): undefined => undefined;

/** Close a slot's subscription (once it is open); a failing close is ignored. */
function close(slot: ReceiveSlot): Promise<unknown> {
  const open = slot.subscription;
  if (open !== undefined) return open.close().then(undefined, ignore);
  return slot.ready.then((subscription) =>
    'close' in subscription ? subscription.close().then(undefined, ignore) : undefined,
  );
}
