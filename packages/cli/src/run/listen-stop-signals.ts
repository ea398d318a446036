/** The signals that stop a run, each with its number (the exit code is 128 + that number). */
const STOP_SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const satisfies Partial<
  Record<NodeJS.Signals, number>
>;

/** What listenStopSignals gives: which signal came (if one did) and a way to stop listening. */
export interface StopSignals {
  /** The first stop signal received, if any. */
  received(): keyof typeof STOP_SIGNALS | undefined;
  /** 128 + the received signal's number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP). */
  exitCode(): number | undefined;
  /** Removes the listeners. */
  dispose(): void;
}

/**
 * SIGINT, SIGTERM and SIGHUP all stop a run the same way: `abort` is aborted (the running step ends
 * with `aborted`, the report is still written, the interrupted step marked) and the run exits with
 * the conventional 128 + signal number. Only the first signal counts.
 */
export function listenStopSignals(abort: AbortController): StopSignals {
  let received: keyof typeof STOP_SIGNALS | undefined;
  const listeners = Object.keys(STOP_SIGNALS).map((name) => {
    const signal = name as keyof typeof STOP_SIGNALS;
    const listener = (): void => {
      if (received !== undefined) return;
      received = signal;
      abort.abort(new Error(`interrupted (${signal})`));
    };
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  return {
    received: () => received,
    exitCode: () => (received === undefined ? undefined : 128 + STOP_SIGNALS[received]),
    dispose() {
      for (const [signal, listener] of listeners) process.removeListener(signal, listener);
    },
  };
}
