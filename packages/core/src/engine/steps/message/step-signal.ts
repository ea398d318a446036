/**
 * The signal one message effect runs under: the frame's (the run's, combined with the timeout of a
 * workflow step it runs under), the host's effect signal, and, when given, a timer of `timeoutMs`
 * (1.1 Step Object `timeout`). Tells afterwards which of them stopped it. `dispose()` clears the
 * timer and the listener at once when the effect is over, so a send that went in a millisecond
 * leaves no timer (nor signal) behind for the rest of its timeout. Without a timeout nothing is
 * created: the outer signal is passed as it is (an AbortController costs ~4 µs, more than the rest
 * of a message's bookkeeping). Receive steps need none of this: their wait is bounded by the
 * subscription's own `next({timeoutMs})` (receive-message.ts).
 */
import { combineSignals } from '../../../adapters/combine-signals.js';
import { onAbort } from '../../../adapters/on-abort.js';
import type { Frame } from '../../run/frame.js';

/** A combined signal, whether its timer fired, and their cleanup. */
export interface StepSignal {
  readonly signal: AbortSignal;
  /** The frame's and the host's signals combined: aborted means the run (not the timeout) stopped it. */
  readonly outer: AbortSignal;
  /** True once `timeoutMs` passed (and aborted `signal`). */
  timedOut(): boolean;
  /** Clears the timer and the listener; call once the effect settled. */
  dispose(): void;
}

const nothing = (): void => undefined;

/** The frame's signal combined with the host's effect signal (the frame's alone when the host passes the run's). */
export function outerSignal(frame: Frame, effectSignal: AbortSignal): AbortSignal {
  return effectSignal === frame.state.signal || effectSignal === frame.signal
    ? frame.signal
    : combineSignals(frame.signal, effectSignal);
}

/** The signal of one message effect (see the file's comment). */
export function stepSignal(
  frame: Frame,
  effectSignal: AbortSignal,
  timeoutMs: number | undefined,
): StepSignal {
  const outer = outerSignal(frame, effectSignal);
  if (timeoutMs === undefined) return { signal: outer, outer, timedOut: () => false, dispose: nothing };
  const combined = new AbortController();
  let timedOut = false;
  const timeout = setTimeout(() => {
    timedOut = true;
    combined.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  // As AbortSignal.timeout: the timer alone does not keep the process alive.
  timeout.unref?.();
  const leave = onAbort(outer, () => combined.abort(outer.reason));
  return {
    signal: combined.signal,
    outer,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timeout);
      leave();
    },
  };
}
