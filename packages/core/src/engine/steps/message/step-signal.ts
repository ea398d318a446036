/**
 * The signal one message effect runs under: the frame's (the run's, combined with the timeout of a
 * workflow step it runs under), the host's effect signal, and, when given, a timer of `timeoutMs`
 * (1.1 Step Object `timeout`). Tells afterwards which of them stopped it.
 */
import type { Frame } from '../../run/frame.js';

/** A combined signal and the timer's own signal (absent without a timeout). */
export function stepSignal(
  frame: Frame,
  effectSignal: AbortSignal,
  timeoutMs: number | undefined,
): { readonly signal: AbortSignal; readonly outer: AbortSignal; readonly timer?: AbortSignal } {
  const outer =
    effectSignal === frame.state.signal ? frame.signal : AbortSignal.any([frame.signal, effectSignal]);
  if (timeoutMs === undefined) return { signal: outer, outer };
  const timer = AbortSignal.timeout(timeoutMs);
  return { signal: AbortSignal.any([outer, timer]), outer, timer };
}
