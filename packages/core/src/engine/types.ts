/** Results of a run: RunResult, StepResult, RunError and its codes. */
import type { ReceivedMessage, SentMessage } from '../adapters/message-transport.js';
import type { SentRequest } from '../adapters/transport.js';
import type { ResponseCheckFailure } from '../checks/check-types.js';

/** Outcome of one step execution (a step reached twice via goto appears twice). */
export interface StepResult {
  /** The step's `stepId`, as written in the document. */
  readonly stepId: string;
  /** The workflow the step belongs to (a nested workflow's steps appear in the caller's result too). */
  readonly workflowId: string;
  /**
   * `success`: its successCriteria held (or it has none); `failure`: they did not, or the step could
   * not be sent or built; `skipped`: no execution reached it in this run (attempts 0, listed last).
   */
  readonly status: 'success' | 'failure' | 'skipped';
  /** HTTP status of the last attempt, for operation steps that got a response. */
  readonly statusCode?: number;
  /** 1 + number of retries. */
  readonly attempts: number;
  /**
   * Milliseconds of this execution, unrounded, all attempts and the waits between them included; time
   * spent waiting for lazily provided inputs is not counted. 0 for skipped steps.
   */
  readonly durationMs: number;
  /** The step's outputs by name (empty unless it succeeded); unresolvable outputs are left out. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** The last request sent, if any. */
  readonly request?: SentRequest;
  /**
   * Message steps (Arazzo 1.1 AsyncAPI): `send` or `receive`. Absent for operation and workflow
   * steps.
   */
  readonly action?: 'send' | 'receive';
  /** A send step's message as it went on the wire (last attempt); in a dry run, as it would have. */
  readonly sentMessage?: SentMessage;
  /** A receive step's message, the one that matched its correlationId (last attempt). */
  readonly receivedMessage?: ReceivedMessage;
  /** Why it failed, in words. */
  readonly reason?: string;
  /** On `criteria-failed`: the first successCriteria entry that did not hold. */
  readonly failedCriterion?: FailedCriterion;
  /** On `criteria-failed`: the response that did not satisfy the criteria. */
  readonly response?: ResponseSummary;
  /** Failed response checks of the step's last attempt (errors and warnings), when the engine has `responseChecks`. */
  readonly checks?: readonly ResponseCheckFailure[];
}

/** A criterion that did not hold, as written in the document. */
export interface FailedCriterion {
  /** The criterion's `condition`, as written. */
  readonly condition: string;
  /** `simple`, `regex`, `jsonpath`, `xpath`, with the version when one is given (`jsonpath draft-goessner-dispatch-jsonpath-00`). */
  readonly type: string;
  /** The runtime expression a typed criterion is applied to (`$response.body`). */
  readonly context?: string;
}

/** What a failure report says about a response: its status and why the API refused, briefly. */
export interface ResponseSummary {
  /** HTTP status code of the response. */
  readonly statusCode: number;
  /**
   * The API's own explanation: the common error fields of a JSON body (`error_type: error_message`,
   * `error`/`message`/`detail`/`title`, RFC 9457 problem details), else the start of a text body;
   * absent for binary, empty or unexplained bodies.
   */
  readonly excerpt?: string;
}

/**
 * Every code a RunError may carry. A step fails with `criteria-failed`, `transport-error` (no
 * response), `parameter-missing`, `workflow-failed` (a nested workflow failed), `step-unknown` or
 * `workflow-unknown`; a workflow with `input-invalid`, `input-missing` or `dependency-failed`; a run
 * with `max-steps-exceeded` or `aborted`; a 1.1 step whose `timeout` passed with `step-timeout`, one
 * whose step `dependsOn` has not completed with `dependency-unmet`.
 * `credentials-missing` is a credential provider's refusal,
 * kept as it was thrown while sending; `interrupted` is for hosts (the CLI on Ctrl-C) reporting an
 * abort the user asked for.
 */
export type RunErrorCode =
  | 'criteria-failed'
  | 'response-check-failed'
  | 'transport-error'
  | 'parameter-missing'
  | 'credentials-missing'
  | 'workflow-failed'
  | 'workflow-unknown'
  | 'step-unknown'
  | 'dependency-failed'
  | 'input-invalid'
  | 'input-missing'
  | 'max-steps-exceeded'
  | 'aborted'
  | 'step-timeout'
  | 'dependency-unmet'
  | 'interrupted'
  | TransportLimitCode
  | 'retry-after-too-long'
  | MessageErrorCode;

/**
 * Why a message step (Arazzo 1.1 AsyncAPI send/receive) failed: no MessageTransport configured
 * (`message-transport-missing`); the message built from the step does not validate against its
 * AsyncAPI message schema, so nothing was sent (`message-payload-invalid`); the transport refused
 * the send (`message-send-failed`: no server, connection refused...); the subscription or wait failed
 * (`message-receive-failed`); no matching message within the step's `timeout`
 * (`message-timeout`, 1.1.0 §Defining Success for Asynchronous Steps: "the step fails and triggers
 * any defined onFailure actions").
 */
export type MessageErrorCode =
  | 'message-transport-missing'
  | 'message-payload-invalid'
  | 'message-send-failed'
  | 'message-receive-failed'
  | 'message-timeout';

/**
 * Limits a transport enforces while sending (issue 14): a body past its size limit, a header section
 * past its limit, an https → http redirect that was not allowed. A TelaioError with one of these
 * codes from `Transport.send` becomes the step's error code.
 */
export type TransportLimitCode = 'response-too-large' | 'response-headers-too-large' | 'redirect-insecure';

/** The TransportLimitCodes, for checks at run time. */
export const TRANSPORT_LIMIT_CODES: ReadonlySet<string> = new Set<TransportLimitCode>([
  'response-too-large',
  'response-headers-too-large',
  'redirect-insecure',
]);

/** Why a run failed. */
export interface RunError {
  /** Which kind of failure (see RunErrorCode). */
  readonly code: RunErrorCode;
  /** What went wrong, in words (secret values are not masked: mask before printing). */
  readonly message: string;
  /** The step where the run failed, when the failure belongs to a step. */
  readonly stepId?: string;
  /** On `criteria-failed`: the first successCriteria entry that did not hold. */
  readonly failedCriterion?: FailedCriterion;
  /** On `criteria-failed` of an operation step: the response the criteria judged. */
  readonly response?: ResponseSummary;
  /** On `message-payload-invalid`: what the AsyncAPI message schema refused, one line per problem. */
  readonly problems?: readonly string[];
}

/**
 * The result of running one workflow. CONTRACT.md's `--format json` (the CLI's `toJsonReport`) is
 * derived from it, not this serialised: the JSON leaves out `inputs`, the run's `durationMs` and each
 * step's `workflowId`, `request`, `failedCriterion` and `response`; keeps only the steps of this
 * workflow (not those of workflows it ran); rounds step durations to whole milliseconds; writes a
 * missing `statusCode` and `error.stepId` as null; and gives `reason` on failed steps only.
 */
export interface RunResult {
  /** The workflow that ran (the one asked for, or the document's only workflow). */
  readonly workflowId: string;
  /** `success` when the workflow ended without an error; else `failure`, with `error`. */
  readonly status: 'success' | 'failure';
  /**
   * The inputs the workflow ran with: those given, after validation with schema defaults applied,
   * plus those an InputProvider supplied during the run. Secret values are not masked.
   */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** The workflow's outputs by name; outputs whose expression reached nothing are left out. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /**
   * One entry per step execution, in the order they ended (a step reached twice via goto appears
   * twice; steps of dependsOn and workflow-step workflows included), then a `skipped` entry
   * (attempts 0) for each step no execution reached.
   */
  readonly steps: readonly StepResult[];
  /** Why the run failed; present exactly when `status` is `failure`. */
  readonly error?: RunError;
  /** Milliseconds of the whole run, unrounded (by the engine's `now` clock). */
  readonly durationMs: number;
}
