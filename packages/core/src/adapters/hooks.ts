import type { RunResult, StepResult } from '../engine/types.js';
import type { OutgoingMessage, ReceivedMessage, SentMessage } from './message-transport.js';
import type { PreparedRequest, ReceivedResponse } from './transport.js';

/** Identifies the run and step an event belongs to. */
export interface EventScope {
  /** Unique per run(). */
  readonly runId: string;
  /** The workflow the event happens in (a nested one when `depth` > 0). */
  readonly workflowId: string;
  /** Nesting depth: 0 for the workflow run() was asked for, 1+ for dependsOn / workflow steps. */
  readonly depth: number;
}

/** Optional lifecycle hooks; every event of a run goes through them (core itself never prints). */
export interface EngineHooks {
  /** A workflow begins (the requested one, or one reached via dependsOn or a workflow step). */
  onWorkflowStart?(e: EventScope & { readonly inputs: Readonly<Record<string, unknown>> }): void;
  /** A workflow ended, with its result. */
  onWorkflowEnd?(e: EventScope & { readonly result: RunResult }): void;
  /** A step execution begins (attempt 1, or a retry's next attempt). */
  onStepStart?(e: EventScope & { readonly stepId: string; readonly attempt: number }): void;
  /** A request is about to be sent. */
  onRequest?(
    e: EventScope & { readonly stepId: string; readonly request: PreparedRequest; readonly attempt: number },
  ): void;
  /** A response arrived. */
  onResponse?(e: EventScope & { readonly stepId: string; readonly response: ReceivedResponse }): void;
  /** One criterion was evaluated (a successCriteria entry, or an action's criteria). */
  onCriterion?(
    e: EventScope & {
      readonly stepId: string;
      readonly condition: string;
      readonly passed: boolean;
      /** `success` for successCriteria, else the action's name. */
      readonly of: string;
    },
  ): void;
  /**
   * A retry action will run after `delayMs` (the response's Retry-After, else the action's
   * `retryAfter`). `attempt` is the step attempt about to start; `retryLimit` is the action's limit
   * (Arazzo's default 1 applied), so the step may run up to `retryLimit + 1` times through it.
   */
  onRetry?(
    e: EventScope & {
      readonly stepId: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly action: string;
      readonly retryLimit: number;
    },
  ): void;
  /** A goto/end action was taken. */
  onAction?(
    e: EventScope & {
      readonly stepId: string;
      readonly type: 'goto' | 'end' | 'retry';
      readonly name: string;
      readonly targetStepId?: string;
      readonly targetWorkflowId?: string;
    },
  ): void;
  /**
   * A message step's message is built and validated and about to be sent (Arazzo 1.1 AsyncAPI
   * `send`): the counterpart of onRequest.
   */
  onMessageSend?(
    e: EventScope & { readonly stepId: string; readonly message: OutgoingMessage; readonly attempt: number },
  ): void;
  /** A message step's message was sent (or, through the dry-run message transport, would have been). */
  onMessageSent?(
    e: EventScope & { readonly stepId: string; readonly message: SentMessage; readonly attempt: number },
  ): void;
  /**
   * A receive step starts waiting for its message on `address` (its subscription has been open since
   * its workflow started, so a message that came earlier is already buffered).
   */
  onMessageWait?(
    e: EventScope & {
      readonly stepId: string;
      readonly address: string;
      /** The correlation the message must match, when the step gives a correlationId. */
      readonly correlation?: { readonly location: string; readonly value: string };
      /** How long it waits at most (the step's `timeout`, else the engine's receiveTimeoutMs). */
      readonly timeoutMs: number;
      readonly attempt: number;
    },
  ): void;
  /** A receive step got its message (the first that matched its correlationId). */
  onMessageReceived?(
    e: EventScope & { readonly stepId: string; readonly message: ReceivedMessage; readonly attempt: number },
  ): void;
  /** A step execution ended. */
  onStepEnd?(e: EventScope & { readonly result: StepResult }): void;
  /** An input was obtained from an InputProvider. */
  onInputResolved?(e: EventScope & { readonly name: string }): void;
  /** A well-formed expression reached nothing (undefined was used). */
  onMissingValue?(
    e: EventScope & { readonly stepId?: string; readonly expression: string; readonly reason: string },
  ): void;
}
