/**
 * The default host: a run lives in this process's memory and nothing is journaled (an effect simply
 * happens), sleeps are timers, durations come from a monotonic clock (readMonotonicMs) and run ids are random UUIDs. A
 * value for an external input (`externalInput`) is given with `send`. This is what `createEngine`
 * does when given no `host`; its `sleep` and `now` options are this host's.
 */
import type { SleepFunction } from '../engine/engine-types.js';
import { abortableSleep } from '../engine/run/abortable-sleep.js';
import { readMonotonicMs } from '../time/read-monotonic-ms.js';
import { createMailbox } from './create-mailbox.js';
import type { EffectRequest, Host, RunHost, SleepRequest, WaitOutcome, WaitRequest } from './host-types.js';
import type { JournalValue } from './journal-value.js';

/** The process host, plus the way to answer a run's external input. */
export interface ProcessHost extends Host {
  /** Give run `runId` the value it waits for (or will wait for) under `name`. */
  send(runId: string, name: string, value: JournalValue): void;
}

/**
 * The RunHost of one run of the process host: a class, so a run costs one object (no closures per
 * run), and so the engine can tell it from every other host (performsEffectsInline).
 */
class ProcessRunHost implements RunHost {
  readonly journaled = false;
  constructor(
    /** The run's id when given (RunOptions.runId, or the host's `newRunId`); else drawn when first read. */
    private id: string | undefined,
    private readonly signal: AbortSignal,
    readonly now: () => number,
    private readonly sleeper: SleepFunction,
    private readonly mailbox: ReturnType<typeof createMailbox>,
  ) {}
  /**
   * The run's id. A random one is drawn when something first reads it (a hook event, an external
   * wait): a run nobody asks about (no hooks) draws none, and which UUID an unread id would have
   * been cannot be told. Once read it never changes.
   */
  get runId(): string {
    if (this.id === undefined) this.id = randomRunId();
    return this.id;
  }
  effect<T extends JournalValue>(
    _request: EffectRequest,
    perform: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    return perform(this.signal);
  }
  sleep(request: SleepRequest, signal: AbortSignal): Promise<void> {
    return this.sleeper(request.ms, signal);
  }
  waitFor(request: WaitRequest, signal: AbortSignal): Promise<WaitOutcome> {
    return this.mailbox.take({
      runId: this.runId,
      name: request.name,
      signal,
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
    });
  }
}

/**
 * True for a run of the process host, whose effect(request, perform) is perform(run signal) and
 * records nothing: the engine may then call its effects' work directly, without naming each
 * effect (no effect ids, no request objects). A host wrapping it (or any other host) is false.
 */
export function performsEffectsInline(host: RunHost): boolean {
  return host instanceof ProcessRunHost;
}

/** Create a process host (defaults: abortable setTimeout sleeps, a monotonic ms clock, random UUIDs). */
export function createProcessHost(options?: {
  readonly sleep?: SleepFunction;
  readonly now?: () => number;
  readonly newRunId?: () => string;
}): ProcessHost {
  const sleep = options?.sleep ?? abortableSleep;
  const now = options?.now ?? readMonotonicMs;
  // A host-given `newRunId` is called when each run begins, as before (its ids may count runs); the
  // default random id is drawn lazily (ProcessRunHost.runId).
  const newRunId = options?.newRunId;
  const mailbox = createMailbox();
  return {
    send: (runId, name, value) => mailbox.send(runId, name, value),
    begin: (run): RunHost => new ProcessRunHost(run.runId ?? newRunId?.(), run.signal, now, sleep, mailbox),
  };
}

/** A random UUID; node:crypto is taken on the first call, not when the host's module loads. */
function randomRunId(): string {
  return process.getBuiltinModule('node:crypto').randomUUID();
}
