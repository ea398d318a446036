/**
 * The signal one message effect runs under: the frame's (the run's, combined with the timeout of a
 * workflow step it runs under), the host's effect signal, and, when given, a timer of `timeoutMs`
 * (1.1 Step Object `timeout`). Tells afterwards which of them stopped it. `dispose()` clears the
 * timer and the listeners at once when the effect is over, so a receive that got its message in
 * a millisecond leaves no timer (nor signal) behind for the rest of its timeout: at hundreds of
 * messages a second, AbortSignal.timeout and AbortSignal.any kept thousands of them alive.
 */
import type { Frame } from '../../run/frame.js';

/** A combined signal, the timer's own signal (absent without a timeout), and their cleanup. */
export interface StepSignal {
  readonly signal: AbortSignal;
  /** The frame's and the host's signals combined: aborted means the run (not the timeout) stopped it. */
  readonly outer: AbortSignal;
  /** Aborted when `timeoutMs` passed. */
  readonly timer?: AbortSignal;
  /** Clears the timer and the listeners; call once the effect settled. */
  dispose(): void;
}

/** The signal of one message effect (see the file's comment). */
export function stepSignal(
  frame: Frame,
  effectSignal: AbortSignal,
  timeoutMs: number | undefined,
): StepSignal {
  const outer =
    effectSignal === frame.state.signal ? frame.signal : AbortSignal.any([frame.signal, effectSignal]);
  if (timeoutMs === undefined) return { signal: outer, outer, dispose: () => undefined };
  const combined = new AbortController();
  const timed = new AbortController();
  const onOuter = (): void => combined.abort(outer.reason);
  const timeout = setTimeout(() => {
    timed.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
    combined.abort(timed.signal.reason);
  }, timeoutMs);
  // As AbortSignal.timeout: the timer alone does not keep the process alive.
  timeout.unref?.();
  if (outer.aborted) onOuter();
  else outer.addEventListener('abort', onOuter, { once: true });
  return {
    signal: combined.signal,
    outer,
    timer: timed.signal,
    dispose() {
      clearTimeout(timeout);
      outer.removeEventListener('abort', onOuter);
    },
  };
}
