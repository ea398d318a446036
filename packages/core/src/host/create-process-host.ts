/**
 * The default host: a run lives in this process's memory and nothing is journaled (an effect simply
 * happens), sleeps are timers, durations come from performance.now and run ids are random UUIDs. A
 * value for an external input (`externalInput`) is given with `send`. This is what `createEngine`
 * does when given no `host`; its `sleep` and `now` options are this host's.
 */
import { randomUUID } from 'node:crypto';
import type { SleepFunction } from '../engine/engine-types.js';
import { abortableSleep } from '../engine/run/abortable-sleep.js';
import { createMailbox } from './create-mailbox.js';
import type { Host, RunHost } from './host-types.js';
import type { JournalValue } from './journal-value.js';

/** The process host, plus the way to answer a run's external input. */
export interface ProcessHost extends Host {
  /** Give run `runId` the value it waits for (or will wait for) under `name`. */
  send(runId: string, name: string, value: JournalValue): void;
}

/** Create a process host (defaults: abortable setTimeout sleeps, performance.now, random UUIDs). */
export function createProcessHost(options?: {
  readonly sleep?: SleepFunction;
  readonly now?: () => number;
  readonly newRunId?: () => string;
}): ProcessHost {
  const sleep = options?.sleep ?? abortableSleep;
  const now = options?.now ?? (() => performance.now());
  const newRunId = options?.newRunId ?? randomUUID;
  const mailbox = createMailbox();
  return {
    send: (runId, name, value) => mailbox.send(runId, name, value),
    begin(run): RunHost {
      const runId = run.runId ?? newRunId();
      return {
        runId,
        journaled: false,
        now,
        effect: (_request, perform) => perform(run.signal),
        sleep: (request, signal) => sleep(request.ms, signal),
        waitFor: (request, signal) =>
          mailbox.take({
            runId,
            name: request.name,
            signal,
            ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
          }),
      };
    },
  };
}
