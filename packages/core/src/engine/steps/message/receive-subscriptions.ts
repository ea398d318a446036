/**
 * The subscriptions of a workflow's receive steps. Each is opened when the workflow starts, before
 * any of its steps (or dependsOn workflows) runs, so a message that a later step causes, however
 * fast it comes, is buffered until its receive step takes it (1.1.0 §Defining Success for
 * Asynchronous Steps: the step completes on "message receipt"; a reply must not race the
 * subscription). A receive step whose channel address needs a value not known at the start (a
 * parameter reading a step's outputs) subscribes when it runs. Subscriptions stay open for later
 * executions of the step (goto, retry) and close when the workflow ends.
 */
import type { MessageSubscription, MessageTarget } from '../../../adapters/message-transport.js';
import type { MessageStepTarget, StepPlan } from '../../plan/plan-types.js';
import type { Frame } from '../../run/frame.js';
import { resolveMessageTarget } from './resolve-message-target.js';

/** One receive step's subscription: the address it listens on, and the subscription or why there is none. */
export interface ReceiveSlot {
  readonly address: string;
  readonly ready: Promise<MessageSubscription | { readonly error: string }>;
}

/** Receive subscriptions of one frame, by stepId. */
export type ReceiveSubscriptions = Map<string, ReceiveSlot>;

/** Subscribe every receive step of `frame`'s workflow whose address is known now; resolves once all are in place. */
export async function openReceiveSubscriptions(frame: Frame): Promise<void> {
  const transport = frame.state.transports.asyncapi;
  if (transport === undefined || frame.plan.receiveSteps.length === 0) return;
  const silent = () => undefined;
  for (const step of frame.plan.receiveSteps) {
    const target = step.target as MessageStepTarget;
    const resolved = resolveMessageTarget({
      state: frame.state,
      step,
      target,
      ctx: frame.base,
      onMissing: silent,
    });
    if ('target' in resolved) subscribe(frame, step, resolved.target);
  }
  await Promise.all([...frame.receives.values()].map((slot) => slot.ready));
}

/** The slot of `step` listening on `target`'s address: the one opened at the start, else a new one. */
export function receiveSlotFor(frame: Frame, step: StepPlan, target: MessageTarget): ReceiveSlot {
  const slot = frame.receives.get(step.stepId);
  if (slot !== undefined && slot.address === target.address) return slot;
  if (slot !== undefined) void close(slot);
  return subscribe(frame, step, target);
}

/** Close every subscription of `frame` (its workflow ended). */
export async function closeReceiveSubscriptions(frame: Frame): Promise<void> {
  if (frame.receives.size === 0) return;
  const slots = [...frame.receives.values()];
  frame.receives.clear();
  await Promise.all(slots.map(close));
}

function subscribe(frame: Frame, step: StepPlan, target: MessageTarget): ReceiveSlot {
  const { state } = frame;
  const transport = state.transports.asyncapi;
  const plan = step.target as MessageStepTarget;
  const context =
    state.credentials === undefined
      ? { signal: frame.signal }
      : { signal: frame.signal, credentials: state.credentials };
  const ready =
    transport === undefined
      ? Promise.resolve({ error: 'no message transport is configured' })
      : transport.subscribe({ target, messages: plan.messages }, context).catch((error: unknown) => {
          const code = (error as { code?: unknown }).code;
          return {
            error: `${(error as Error).message ?? String(error)}${typeof code === 'string' ? ` (${code})` : ''}`,
          };
        });
  const slot: ReceiveSlot = { address: target.address, ready };
  frame.receives.set(step.stepId, slot);
  return slot;
}

async function close(slot: ReceiveSlot): Promise<void> {
  const subscription = await slot.ready;
  if ('close' in subscription) await subscription.close().catch(() => undefined);
}
