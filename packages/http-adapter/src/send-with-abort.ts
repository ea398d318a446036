/** The part of a pending exchange this needs. */
interface Cancelable<T> extends PromiseLike<T> {
  cancel(reason?: string): void;
}

/** In-flight calls per signal; each signal gets one 'abort' listener, however many calls share it. */
const inFlight = new WeakMap<AbortSignal, Set<Cancelable<unknown>>>();

function callsOf(signal: AbortSignal): Set<Cancelable<unknown>> {
  let calls = inFlight.get(signal);
  if (calls === undefined) {
    const created = new Set<Cancelable<unknown>>();
    calls = created;
    inFlight.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        for (const call of created) call.cancel('aborted');
        created.clear();
      },
      { once: true },
    );
  }
  return calls;
}

/**
 * Runs a call and cancels it when `signal` aborts. Rather than adding a listener per request (which
 * costs more than the rest of the adapter's work), each signal
 * gets a single listener that cancels every call still in flight under it; a call only joins and
 * leaves a Set. Many concurrent requests sharing one run's signal therefore never trigger
 * MaxListenersExceededWarning either.
 */
export function sendWithAbort<T>(options: {
  readonly signal: AbortSignal;
  /** The call, already started. */
  readonly pending: Cancelable<T>;
}): PromiseLike<T> {
  const { signal, pending } = options;
  if (signal.aborted) {
    pending.cancel('aborted');
    return pending;
  }
  const calls = callsOf(signal);
  calls.add(pending);
  // no async wrapper: one promise hop fewer per request
  return pending.then(
    (value) => {
      calls.delete(pending);
      return value;
    },
    (error: unknown) => {
      calls.delete(pending);
      throw error;
    },
  );
}
