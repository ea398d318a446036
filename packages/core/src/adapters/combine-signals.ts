/**
 * AbortSignal.any for the engine's signals, leaving NEVER_ABORTED out. On Node 20 a signal given to
 * AbortSignal.any keeps a reference to every signal combined from it for as long as it lives
 * (its dependant set is never pruned): NEVER_ABORTED, which every run given no signal shares and
 * which lives as long as the process, would collect one per step timeout, per workflow with step
 * dependsOn, per journaled effect, run after run. It never aborts, so it adds nothing to a
 * combination: the other signal alone is the same signal.
 */
import { NEVER_ABORTED } from './on-abort.js';

/** A signal that aborts when any of `signals` does (NEVER_ABORTED left out; one left: that one). */
export function combineSignals(...signals: readonly AbortSignal[]): AbortSignal {
  const live = signals.filter((signal) => signal !== NEVER_ABORTED);
  if (live.length === 0) return NEVER_ABORTED;
  if (live.length === 1) return live[0] as AbortSignal;
  return AbortSignal.any(live);
}
