/**
 * The host contract suite's view of a host under test: it wraps the host's runs to see every journal
 * point (an effect, a sleep, a wait) as it completes, to tell when the run sleeps or waits, and to cut
 * the run right after its k-th point, as a crash there would: the point is durable, nothing after it
 * happened, and `engine.run` rejects with RunCut.
 */
import type { Host, RunHost, SleepRequest, WaitRequest } from '../../host/host-types.js';

/** The error a cut run rejects with (standing for a process that died). */
export class RunCut extends Error {
  constructor(point: number, id: string) {
    super(`the run was cut after journal point ${point} (${id})`);
    this.name = 'RunCut';
  }
}

/** A journal point as the suite saw it complete. */
export interface JournalPoint {
  readonly kind: 'effect' | 'sleep' | 'wait';
  readonly id: string;
}

/** What to watch and where to cut. */
export interface InstrumentOptions {
  /** Cut the run right after this many points completed (1-based); undefined: never. */
  readonly cutAfter?: number;
  /** Every point, in the order they completed. */
  readonly points?: JournalPoint[];
  /** Called as the run starts a sleep (before the host sleeps). */
  readonly onSleep?: (request: SleepRequest) => void;
  /** Called as the run starts a wait (before the host waits). */
  readonly onWait?: (request: WaitRequest) => void;
}

/** Wrap `host` so its runs are observed (and cut) as `options` says. */
export function instrumentHost(host: Host, options: InstrumentOptions): Host {
  return {
    async begin(run) {
      const inner: RunHost = await host.begin(run);
      let done = 0;
      const passed = <T>(kind: JournalPoint['kind'], id: string, value: T): T => {
        done += 1;
        options.points?.push({ kind, id });
        if (done === options.cutAfter) throw new RunCut(done, id);
        return value;
      };
      const wrapped: RunHost = {
        runId: inner.runId,
        now: () => inner.now(),
        effect: async (request, perform) =>
          passed('effect', request.id, await inner.effect(request, perform)),
        async sleep(request, signal) {
          options.onSleep?.(request);
          passed('sleep', request.id, await inner.sleep(request, signal));
        },
        async waitFor(request, signal) {
          options.onWait?.(request);
          return passed('wait', request.id, await inner.waitFor(request, signal));
        },
      };
      return inner.end === undefined ? wrapped : { ...wrapped, end: (result) => inner.end?.(result) };
    },
  };
}
