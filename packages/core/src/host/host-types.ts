/**
 * The host seam: everything a run does that is not deterministic goes through a Host, so the same
 * engine runs in one process (the default), or on a durable-execution engine (DBOS on PostgreSQL,
 * later Temporal or Restate) that journals each effect and resumes a run from its journal.
 *
 * The model is deterministic replay, as DBOS, Temporal and Restate all work: a resumed run executes
 * the workflow again from its start; every effect that the journal already holds returns its recorded
 * value instead of happening again (no request re-sent, no input asked again, no sleep slept again),
 * and the first effect the journal does not hold happens for real and is recorded. Between effects the
 * engine is deterministic: criteria, expressions, actions and outputs depend only on the run's inputs
 * and the recorded effects, so a resumed run ends with the result an uninterrupted run has.
 *
 * Secrets: the journal holds what replay needs, secrets included (request headers with credentials,
 * response bodies with tokens, resolved TOTP codes). A host that stores it outside the process MUST
 * encrypt it at rest (`@telaio/dbos` does, with a key from the environment) and never log it.
 */
import type { RunResult } from '../engine/types.js';
import type { JournalValue } from './journal-value.js';

/** What kind of effect a journal entry records. */
export type EffectKind =
  /** An operation step's HTTP request sent and its response received (or the failure to get one). */
  | 'send'
  /** A lazy input's value, as its InputProvider gave it (a TOTP code, an environment variable). */
  | 'input'
  /** A message step's message published (Arazzo 1.1 AsyncAPI `send`). */
  | 'message-send'
  /** A message step's message received (Arazzo 1.1 AsyncAPI `receive`), or its timeout. */
  | 'message-receive';

/** Where in the run an effect, sleep or wait happens. */
export interface EffectSite {
  /**
   * Names this effect within its run, the same on every replay: `<workflowId>/<stepId>/<kind>#<n>`
   * (the n-th such effect of the run). Unique within the run, so a host may use it as its step name
   * (DBOS `runStep` name, Temporal activity id, Restate `ctx.run` name) and as an idempotency key
   * (`<runId>:<id>` identifies one attempt's send across every process that replays the run).
   */
  readonly id: string;
  /** The workflow whose step causes it. */
  readonly workflowId: string;
  /** The step, when a step causes it (the workflow's outputs may read a lazy input too). */
  readonly stepId?: string;
  /** The step's attempt: 1, then +1 per retry. */
  readonly attempt?: number;
}

/** One effect the run asks the host to perform once and journal. */
export interface EffectRequest extends EffectSite {
  readonly kind: EffectKind;
}

/** A wait before a retry: the action's `retryAfter`, or the response's `Retry-After`. */
export interface SleepRequest extends EffectSite {
  /** How long, in milliseconds (never negative; never more than the engine's maxRetryWaitMs). */
  readonly ms: number;
}

/**
 * A wait for a value from outside the run: a lazy input such as the TOTP code a person reads from an
 * authenticator app (`telaio resolve RUN code=123456` answers it), later a message to receive.
 */
export interface WaitRequest extends EffectSite {
  /** The name the value is addressed by (the input's name): DBOS `recv` topic, Temporal signal argument, Restate promise name. */
  readonly name: string;
  /** Give up after this many milliseconds (undefined: the host's default; DBOS's `recv` needs one). */
  readonly timeoutMs?: number;
  /** The input's JSON schema, if declared: for a host that asks a person (a form, a prompt). */
  readonly schema?: unknown;
  /** True when the value must be masked wherever the host shows it. */
  readonly secret?: boolean;
}

/** How a wait ended: with the value sent to the run, or with its timeout. */
export type WaitOutcome = { readonly value: JournalValue } | { readonly timedOut: true };

/** What the engine tells the host when a run starts (or resumes). */
export interface RunBegin {
  /** The run to resume from its journal; undefined for a new run (the host picks its id). */
  readonly runId?: string;
  /** The document's absolute URI, as loaded. */
  readonly documentUri: string;
  /** The workflow the run executes. */
  readonly workflowId: string;
  /** The run's inputs as given (before defaults and lazy inputs). */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Aborts when the run is cancelled. */
  readonly signal: AbortSignal;
}

/**
 * One run's contact with the world, as a host provides it. Every method that records something must
 * have recorded it durably before its promise resolves: the engine treats a resolved effect as done.
 * A method that throws (the host crashed, lost its database, was cancelled) ends `engine.run` with
 * that exception: the run is not finished and a later `engine.run` with the same `runId` resumes it.
 */
export interface RunHost {
  /** The run's id (every hook event's `runId`): a durable host's workflow id, what `RunOptions.runId` resumes. */
  readonly runId: string;
  /**
   * False when the host records no effect anywhere (the process host): the engine then hands effect
   * values through as they are, without turning them into JSON first. Default: true (journaled).
   */
  readonly journaled?: boolean;
  /** Milliseconds, for durations only (StepResult.durationMs); never read for decisions. */
  now(): number;
  /**
   * Perform an effect at most once per run: when the journal holds `request.id`, resolve with the
   * recorded value and do not call `perform`; otherwise call `perform`, record what it resolves with,
   * then resolve with it. `perform` reports failures as data (a send with no response is a value);
   * it rejects only when `signal` aborted (record nothing then, and reject too). The value is JSON.
   */
  effect<T extends JournalValue>(
    request: EffectRequest,
    perform: (signal: AbortSignal) => Promise<T>,
  ): Promise<T>;
  /**
   * Wait `request.ms` milliseconds, durably: a run resumed after the wake-up time does not sleep
   * again, one resumed during the sleep sleeps only what is left. Rejects when `signal` aborts.
   */
  sleep(request: SleepRequest, signal: AbortSignal): Promise<void>;
  /**
   * Wait for the value named `request.name` sent to this run from outside, durably and at most once
   * per `request.id`: a resumed run gets the recorded value without waiting. Rejects when `signal`
   * aborts; resolves `{timedOut: true}` after `request.timeoutMs`.
   */
  waitFor(request: WaitRequest, signal: AbortSignal): Promise<WaitOutcome>;
  /** The run ended (success or failure, never after a throw): the host may record its result. */
  end?(result: RunResult): void | Promise<void>;
}

/**
 * Where runs execute: `createEngine({host})` (every run) or `RunOptions.host` (one run, for hosts
 * whose context is per invocation, such as a Restate handler's `ctx`). The default is the process
 * host: one process, nothing journaled, `setTimeout` sleeps, a monotonic ms clock, random UUID run ids.
 */
export interface Host {
  /** Start a run, or resume `run.runId` from its journal; the RunHost serves that run only. */
  begin(run: RunBegin): RunHost | Promise<RunHost>;
}
