/**
 * The embedding API of the engine: options, the loaded-document handle and the run request.
 * Results (RunResult, StepResult, RunError) live in types.ts.
 */
import type { CredentialProvider } from '../adapters/credentials.js';
import type { EngineHooks } from '../adapters/hooks.js';
import type { InputProvider } from '../adapters/inputs.js';
import type { MessageTransport } from '../adapters/message-transport.js';
import type { Transport } from '../adapters/transport.js';
import type { ResponseChecker } from '../checks/check-types.js';
import type { CriterionEvaluator } from '../criteria/types.js';
import type { Host } from '../host/host-types.js';
import type { SeverityOverrides } from '../lint/apply-severity.js';
import type { Diagnostic } from '../lint/diagnostic.js';
import type { LintResultCache } from '../lint/lint-result-cache.js';
import type { ArazzoDocument } from '../model/arazzo.js';
import type { ResolvedSource, SourceLoader } from '../sources/types.js';
import type { RunError, RunResult } from './types.js';

/** Waits `ms` milliseconds; rejects (or resolves early) when `signal` aborts. Injectable for tests. */
export type SleepFunction = (ms: number, signal: AbortSignal) => Promise<void>;

/** Everything an engine is built from. Only `transport` is required. */
export interface EngineOptions {
  /** Sends the requests of operation steps. */
  readonly transport: Transport;
  /**
   * Sends and receives the messages of Arazzo 1.1 AsyncAPI steps (`asyncapi` sources; `openapi` ones
   * go through `transport`). Without it a message step fails with `message-transport-missing`. The
   * engine never closes it: its owner does, after the runs.
   */
  readonly messageTransport?: MessageTransport;
  /**
   * How long a receive step without a `timeout` of its own waits for its message before failing with
   * `message-timeout`, in milliseconds. Default 30 000.
   */
  readonly receiveTimeoutMs?: number;
  /**
   * How many steps of one workflow may run at once when the workflow uses 1.1 step `dependsOn`
   * (independent steps then run concurrently). Default 8; 1 runs them one at a time, in an order
   * that satisfies their dependencies.
   */
  readonly maxConcurrentSteps?: number;
  /** Credentials (and optionally base URLs) per source, handed to the transport with every send. */
  readonly credentials?: CredentialProvider;
  /** Extra criterion languages (plugins) besides simple, regex, jsonpath and xpath. */
  readonly criteria?: readonly CriterionEvaluator[];
  /** Input providers by input name, for every run (run options may add or replace). */
  readonly inputProviders?: Readonly<Record<string, InputProvider>>;
  /** Hooks for every run (run options may add more; both are called). */
  readonly hooks?: EngineHooks;
  /** Reads documents and sources (default: the file system and http(s)). */
  readonly loader?: SourceLoader;
  /** Base URL per source description name; wins over `credentials.serverFor`. */
  readonly servers?: Readonly<Record<string, string>>;
  /**
   * Implicit response checks (createResponseChecker): run on every response of an operation step,
   * inside the attempt; a failed check of severity `error` fails the attempt like an unmet
   * successCriteria entry (`response-check-failed`), so the step's onFailure actions apply.
   */
  readonly responseChecks?: ResponseChecker;
  /** Step executions (attempts included) allowed per run before `max-steps-exceeded`. Default 1000. */
  readonly maxSteps?: number;
  /**
   * Longest wait before a retry, in milliseconds: a `Retry-After` header or `retryAfter` asking for
   * more fails the step with `retry-after-too-long`. Default 300 000 (5 minutes).
   */
  readonly maxRetryWaitMs?: number;
  /**
   * A stand-in for a value an expression could not reach (returned value used in its place; a dry
   * run shows a visible marker). By default nothing stands in: the value is missing (undefined).
   */
  readonly missingValue?: MissingValueSubstitute;
  /**
   * Where runs execute: the clock, retry sleeps, waits for external values, run ids and the journal of
   * effects that lets a durable host resume a run (see Host). Default: the process host
   * (createProcessHost: one process, nothing journaled), built from `sleep` and `now`.
   */
  readonly host?: Host;
  /** Waits between retries (default: an abortable setTimeout). The process host's; not with `host`. */
  readonly sleep?: SleepFunction;
  /** Milliseconds clock for durations (default: a monotonic clock, readMonotonicMs). The process host's; not with `host`. */
  readonly now?: () => number;
  /** Disk cache of parsed sources, passed to resolveDocument (`false` to skip, `{dir}` to place it). */
  readonly cache?: boolean | { readonly dir: string };
  /**
   * Arazzo documents provided with every loaded one (paths or URIs), found by their `$self` when a
   * sourceDescription url names it (1.1.0 §Identity-Based Referencing; ResolveDocumentOptions.documents).
   */
  readonly documents?: readonly string[];
  /**
   * Lint findings kept between processes (see LintResultCache): `load` reads an unchanged document's
   * findings back instead of linting it again. Not used with `criteria` plugins, nor for a document
   * handed in as text. Default: none (every load lints).
   */
  readonly lintCache?: LintResultCache;
  /** Refuse documents with lint errors (default true). Set false only for debugging. */
  readonly refuseInvalid?: boolean;
  /**
   * Severity overrides of lint rules (rule id or code → error/warning/off, see docs/rules.md and
   * `parseSeverityOverrides`): load refuses a document only for what is an error after them.
   */
  readonly severity?: SeverityOverrides;
}

/** Called when an expression reaches nothing, with where and why; what it returns is used instead. */
export type MissingValueSubstitute = (info: {
  readonly workflowId: string;
  readonly stepId?: string;
  readonly expression: string;
  readonly reason: string;
}) => unknown;

/** How to load: for one workflow, only the errors it reaches refuse the document. */
export interface LoadOptions {
  /**
   * The workflow to be run (default: the document's only workflow). Given this option, errors
   * outside what that workflow reaches do not refuse the load; they are in `unaffected`.
   */
  readonly workflowId?: string;
}

/** What `engine.load` accepts: a URI (path or URL), or a URI with its text already in hand. */
export type LoadTarget = string | { readonly uri: string; readonly text: string };

/** Summary of one workflow of a loaded document. */
export interface WorkflowSummary {
  /** The workflow's `workflowId`. */
  readonly workflowId: string;
  /** The workflow's `summary`, if it has one. */
  readonly summary?: string;
  /** The workflow's input JSON Schema, if any. */
  readonly inputs?: unknown;
  /** Its steps' ids, in document order. */
  readonly stepIds: readonly string[];
}

/**
 * A document resolved, linted and compiled once: runnable any number of times, concurrently.
 * Opaque beyond these fields; pass it back to `engine.run`.
 */
export interface WorkflowDocument {
  /** Absolute path or URL of the document (a relative path given to `engine.load` is resolved against the cwd). */
  readonly uri: string;
  /** The parsed Arazzo document, as written (read-only: the engine runs its compiled form). */
  readonly document: ArazzoDocument;
  /** Warnings and infos from lint (errors refuse the load). */
  readonly diagnostics: readonly Diagnostic[];
  /** One summary per workflow, in document order. */
  readonly workflows: readonly WorkflowSummary[];
  /** The document's sources as resolved at load (operations, security schemes), for tools built on the engine. */
  readonly sources: readonly ResolvedSource[];
  /** Loaded for one workflow (LoadOptions): its id. Only it and what it reaches are compiled. */
  readonly selectedWorkflowId?: string;
  /** Loaded for one workflow: the errors outside its reach, which do not affect it. */
  readonly unaffected?: readonly Diagnostic[];
}

/** One run request. */
export interface RunOptions {
  /** A document returned by `engine.load`. */
  readonly document: WorkflowDocument;
  /** May be left out when the document has exactly one workflow. */
  readonly workflowId?: string;
  /**
   * The workflow's inputs by name, validated against its input schema (defaults applied) before any
   * request; inputs left out may come from input providers when first read.
   */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Cancels the run: pending sleeps and sends abort, the result has error code `aborted`. */
  readonly signal?: AbortSignal;
  /** Hooks for this run only, called after the engine's hooks. */
  readonly hooks?: EngineHooks;
  /** Input providers for this run (by input name), over the engine's. */
  readonly inputProviders?: Readonly<Record<string, InputProvider>>;
  /**
   * Workflows that already ran (in an earlier `run()` of the same session, e.g. one `telaio test`),
   * by workflowId of this document or `<document uri>#<workflowId>` of any document. A `dependsOn`
   * naming one is not run again: `$workflows.<id>` reads these outputs and inputs, and a failed one
   * fails the dependant with `dependency-failed`. Workflow steps and `goto` still run their workflow.
   */
  readonly completed?: ReadonlyMap<string, CompletedWorkflow>;
  /**
   * The run's id. With a durable host, a run whose journal already holds entries under this id is
   * resumed: the workflow executes again from its start, every journaled effect is replayed instead
   * of happening again (no request re-sent), and the run ends as an uninterrupted one would. Default:
   * the host picks a new id (the process host: a random UUID).
   */
  readonly runId?: string;
  /** The host of this run only, over the engine's (for hosts whose context is per invocation). */
  readonly host?: Host;
}

/** A workflow run that ended earlier, as `RunOptions.completed` takes it (a `RunResult` fits). */
export interface CompletedWorkflow {
  readonly status: 'success' | 'failure';
  readonly outputs: Readonly<Record<string, unknown>>;
  /** `$workflows.<id>.inputs`; none when left out. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  /** Why it failed (its message is carried into the dependant's `dependency-failed`). */
  readonly error?: RunError;
}

/** The engine: load documents once, run their workflows many times. */
export interface Engine {
  /**
   * Resolve, lint and compile a document; throws TelaioError `document-invalid` (details.diagnostics)
   * on lint errors (with `options`, only on those the chosen workflow reaches).
   */
  load(target: LoadTarget, options?: LoadOptions): Promise<WorkflowDocument>;
  /** Run one workflow. Workflow failures are data (status `failure` + error), never exceptions. */
  run(options: RunOptions): Promise<RunResult>;
}
