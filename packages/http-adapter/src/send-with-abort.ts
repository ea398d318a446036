import { getMaxListeners, setMaxListeners } from 'node:events';

/** Signals whose listener limit was already raised. */
const raised = new WeakSet<AbortSignal>();

/** The part of got's cancelable promise this needs. */
interface Cancelable<T> extends Promise<T> {
  cancel(reason?: string): void;
}

/**
 * Runs a got call and cancels it when `signal` aborts. Listening here (one listener, removed when
 * the call settles) is markedly cheaper than handing the signal to got per request, and the
 * signal's listener limit is raised once so that many concurrent requests sharing one run's
 * signal do not trigger MaxListenersExceededWarning.
 */
export async function sendWithAbort<T>(options: {
  readonly signal: AbortSignal;
  readonly start: () => Cancelable<T>;
}): Promise<T> {
  const { signal } = options;
  if (!raised.has(signal)) {
    raised.add(signal);
    if (getMaxListeners(signal) < 1000) setMaxListeners(1000, signal);
  }
  const pending = options.start();
  const onAbort = (): void => pending.cancel('aborted');
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await pending;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
