import type { SentRequest } from '../adapters/transport.js';

/** Outcome of one step execution (a step reached twice via goto appears twice). */
export interface StepResult {
  readonly stepId: string;
  readonly workflowId: string;
  readonly status: 'success' | 'failure' | 'skipped';
  /** HTTP status of the last attempt, for operation steps that got a response. */
  readonly statusCode?: number;
  /** 1 + number of retries. */
  readonly attempts: number;
  readonly durationMs: number;
  readonly outputs: Readonly<Record<string, unknown>>;
  /** The last request sent, if any. */
  readonly request?: SentRequest;
  /** Why it failed, in words. */
  readonly reason?: string;
  /** On `criteria-failed`: the first successCriteria entry that did not hold. */
  readonly failedCriterion?: FailedCriterion;
  /** On `criteria-failed`: the response that did not satisfy the criteria. */
  readonly response?: ResponseSummary;
}

/** A criterion that did not hold, as written in the document. */
export interface FailedCriterion {
  readonly condition: string;
  /** `simple`, `regex`, `jsonpath`, `xpath`, with the version when one is given (`jsonpath draft-goessner-dispatch-jsonpath-00`). */
  readonly type: string;
  /** The runtime expression a typed criterion is applied to (`$response.body`). */
  readonly context?: string;
}

/** What a failure report says about a response: its status and why the API refused, briefly. */
export interface ResponseSummary {
  readonly statusCode: number;
  /**
   * The API's own explanation: the common error fields of a JSON body (`error_type: error_message`,
   * `error`/`message`/`detail`/`title`, RFC 9457 problem details), else the start of a text body;
   * absent for binary, empty or unexplained bodies.
   */
  readonly excerpt?: string;
}

/** Why a run failed. */
export interface RunError {
  /** `criteria-failed`, `transport-error`, `input-invalid`, `input-missing`, `max-steps-exceeded`, `aborted`, `workflow-failed`, ... */
  readonly code: string;
  readonly message: string;
  readonly stepId?: string;
  /** On `criteria-failed`: the first successCriteria entry that did not hold. */
  readonly failedCriterion?: FailedCriterion;
  /** On `criteria-failed` of an operation step: the response the criteria judged. */
  readonly response?: ResponseSummary;
}

/** The result of running one workflow (CONTRACT.md `--format json` is this, serialised). */
export interface RunResult {
  readonly workflowId: string;
  readonly status: 'success' | 'failure';
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly outputs: Readonly<Record<string, unknown>>;
  /** In the order they ran. */
  readonly steps: readonly StepResult[];
  readonly error?: RunError;
  readonly durationMs: number;
}

/** Public options and handles of the engine (see create-engine.ts). */
export type {
  Engine,
  EngineOptions,
  LoadTarget,
  RunOptions,
  SleepFunction,
  WorkflowDocument,
  WorkflowSummary,
} from './engine-types.js';
