/**
 * One 'abort' listener per AbortSignal, fanning out to every wait registered on it. Concurrent
 * waits sharing a signal (sixteen receives of one run, many runs given one signal) each adding a
 * listener of their own trip Node's MaxListenersExceededWarning past ten, and an EventTarget
 * listener costs more to add and remove than the rest of a message's bookkeeping. Here the first
 * wait on a signal adds the one listener; later waits join and leave a Set. A signal that never
 * aborts (NEVER_ABORTED, what a run without a signal of its own runs under) gets no listener at all.
 */

import { setMaxListeners } from 'node:events';

/** Listeners by signal; the entry goes when the signal aborts (or with the signal, weakly). */
const waiting = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * A signal that never aborts: for runs given none, so that nothing is created or listened to per
 * run. Transports that listen to their context's signal themselves add their listeners to this one
 * signal shared by every such run: it never fires, so it has no listener limit (they must still
 * remove their listeners when done, as they must with any signal).
 */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;
setMaxListeners(0, NEVER_ABORTED);

const nothing = (): void => undefined;

/**
 * Call `listener` once when `signal` aborts (at once, synchronously, when it already has). Returns
 * the function that unregisters it: call it when the wait is over, however it ended.
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  if (signal === NEVER_ABORTED) return nothing;
  if (signal.aborted) {
    listener();
    return nothing;
  }
  let listeners = waiting.get(signal);
  if (listeners === undefined) {
    const created = new Set<() => void>();
    listeners = created;
    waiting.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        waiting.delete(signal);
        for (const each of [...created]) each();
        created.clear();
      },
      { once: true },
    );
  }
  // A wrapper of its own, so the same function registered twice is two waits (as addEventListener
  // with two different listeners would be).
  const entry = (): void => listener();
  listeners.add(entry);
  const set = listeners;
  return () => {
    set.delete(entry);
  };
}
