/**
 * The HTML report as plain data: what a run recorded (html-record-run.ts), combined with its result,
 * its graph and the Arazzo lines into one view per workflow run (html-build-run.ts), masked as a whole
 * (html-mask-report.ts) before any renderer sees it. Renderers are pure functions of this data.
 */
import type {
  DocumentGraph,
  FailedCriterion,
  ReceivedMessage,
  ResponseSummary,
  SentMessage,
  SentRequest,
} from '@telaio/core';

/** The message an attempt of an AsyncAPI step sent or received (received: without its decoded payload). */
export interface HtmlMessage {
  readonly action: 'send' | 'receive';
  readonly message: SentMessage | Omit<ReceivedMessage, 'payload'>;
}

/** One criterion judged during an attempt: a successCriteria entry or an action's. */
export interface HtmlCriterion {
  readonly condition: string;
  readonly passed: boolean;
  /** `success` for successCriteria, else the action's name. */
  readonly of: string;
}

/** A response as the report shows it (a binary body is described, not kept). */
export interface HtmlResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** One attempt of a step execution; times in milliseconds from the start of the run. */
export interface HtmlAttempt {
  readonly attempt: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly request?: SentRequest;
  readonly response?: HtmlResponse;
  /** An AsyncAPI step's message (such steps send no request and get no response). */
  readonly message?: HtmlMessage;
  readonly criteria: readonly HtmlCriterion[];
  /** The wait before the next attempt, when a retry action followed this one. */
  readonly retryDelayMs?: number;
  /** Time spent waiting for lazily provided inputs (a prompt, a provider) during this attempt. */
  readonly waits?: readonly HtmlWait[];
}

/** A wait for an input's provider (`--input-from NAME=prompt`...), in milliseconds from the run's start. */
export interface HtmlWait {
  readonly name: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** A goto, end or retry action a step execution took. */
export interface HtmlAction {
  readonly type: 'goto' | 'end' | 'retry';
  readonly name: string;
  readonly targetStepId?: string;
  readonly targetWorkflowId?: string;
}

/** One execution of one step (a step reached again through goto is another execution). */
export interface HtmlExecution {
  /** Position in the run, from 0: its row's anchor is rowAnchor(run, index). */
  readonly index: number;
  readonly workflowId: string;
  readonly stepId: string;
  /** 0 for the workflow that was run, 1+ inside workflows it called or depends on. */
  readonly depth: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly status: 'success' | 'failure';
  readonly statusCode?: number;
  readonly reason?: string;
  readonly failedCriterion?: FailedCriterion;
  /** 1-based line of the step in the Arazzo file; 0 when unknown. */
  readonly line: number;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly attempts: readonly HtmlAttempt[];
  readonly actions: readonly HtmlAction[];
  /** The graph node of the step, when the graph has it. */
  readonly nodeId?: string;
  /** Response checks against the OpenAPI that failed on its last attempt (`telaio test`, `run --checks`). */
  readonly checks?: readonly HtmlCheck[];
}

/** A failed response check: which, its severity, what was wrong and where the OpenAPI says so. */
export interface HtmlCheck {
  readonly check: string;
  readonly respectName: string;
  readonly severity: 'error' | 'warn';
  readonly message: string;
  readonly keyword?: string;
  readonly instancePointer?: string;
  /** `file:line:column` of the OpenAPI node the verdict comes from. */
  readonly where?: string;
}

/** Which parts of the graph the run went through. */
export interface HtmlPath {
  /** Node ids in the order they were first reached. */
  readonly nodes: readonly string[];
  /** Indexes into the graph's edges. */
  readonly edges: readonly number[];
  /** The node of the step where the run failed. */
  readonly failedNode?: string;
}

/** Why a run failed, with where in the Arazzo file. */
export interface HtmlError {
  readonly code: string;
  readonly message: string;
  readonly stepId?: string;
  /** 1-based line of the failing step (of its failed criterion when found); 0 when unknown. */
  readonly line: number;
  readonly failedCriterion?: FailedCriterion;
  readonly response?: ResponseSummary;
}

/** One workflow run, as one section of the page. */
export interface HtmlRun {
  /** The Arazzo file as shown (relative to the working directory when under it). */
  readonly file: string;
  readonly workflowId: string;
  readonly status: 'success' | 'failure';
  readonly durationMs: number;
  readonly error?: HtmlError;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly executions: readonly HtmlExecution[];
  /** Steps no execution reached. */
  readonly skipped: readonly { readonly workflowId: string; readonly stepId: string }[];
  readonly graph?: DocumentGraph;
  readonly path: HtmlPath;
}

/** Passed, failed and skipped counts. */
export interface HtmlCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** One workflow of a `telaio test` run, as its row in the summary shows it. */
export interface HtmlSuiteWorkflow {
  readonly workflowId: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly durationMs: number;
  /** Its own steps (not those of workflows it called or depends on). */
  readonly steps: HtmlCounts;
  /** Response check findings of severity `warn`. */
  readonly warnings: number;
  /** Skipped: why (`--skip`, a dependency that did not pass). */
  readonly skippedBecause?: string;
  readonly error?: { readonly code: string; readonly stepId?: string };
  /** Its run's position in HtmlReport.runs (the section `#run-<n>`), when it ran. */
  readonly run?: number;
}

/** What a whole `telaio test` run found: the summary at the top of its page. */
export interface HtmlSuite {
  readonly files: readonly {
    readonly file: string;
    readonly durationMs: number;
    readonly workflows: readonly HtmlSuiteWorkflow[];
  }[];
  readonly workflows: HtmlCounts;
  readonly steps: HtmlCounts;
  readonly warnings: number;
  readonly durationMs: number;
}

/** The whole page: one run (`telaio run`) or every workflow a `telaio test` ran, with its summary. */
export interface HtmlReport {
  readonly title: string;
  /** When the report was written (ISO 8601). */
  readonly createdAt: string;
  readonly runs: readonly HtmlRun[];
  /** `telaio test`: every file and workflow tested, ran or not. */
  readonly suite?: HtmlSuite;
}
