/**
 * The compiled plan of a loaded document: every expression parsed and every criterion compiled once
 * at load, so runs only evaluate. Plans are immutable and shared by all concurrent runs.
 */

import type { MessageTarget } from '../../adapters/message-transport.js';
import type { CompiledCriterion } from '../../criteria/types.js';
import type { CompiledValue } from '../../expressions/compile-value.js';
import type { ArazzoDocument, ParameterLocation, SourceDescription } from '../../model/arazzo.js';
import type { MessageInfo, MessageOperationInfo, OperationInfo } from '../../sources/types.js';
import type { SecurityPlan } from '../steps/operation/compile-x-security.js';
import type { RequiredParameter } from '../steps/operation/plan-required-parameters.js';
import type { ReplacementSelector } from '../steps/operation/replacement-selector.js';
import type { InputValidator } from './create-input-validator.js';

/** One compiled criterion with its text for events. */
export interface CriterionPlan {
  readonly condition: string;
  /** `simple`, `regex`, `jsonpath` or `xpath`, with the version when the document gives one (for messages). */
  readonly type: string;
  /** The criterion's context expression, as written. */
  readonly context?: string;
  readonly compiled: CompiledCriterion;
  /** Input names its condition or context reads (for lazy input providers). */
  readonly inputReads: readonly string[];
}

/** A workflow reference, resolved at load to the document that defines it. */
export interface WorkflowRef {
  readonly doc: DocumentPlan;
  readonly workflowId: string;
}

/** A success or failure action, reusable references resolved. */
export interface ActionPlan {
  readonly name: string;
  readonly type: 'end' | 'goto' | 'retry';
  readonly stepId?: string;
  readonly workflow?: WorkflowRef;
  /** Seconds. */
  readonly retryAfter?: number;
  /** 1.1: the inputs passed to `workflow` (Success/Failure Action Object `parameters`). */
  readonly parameters?: readonly ParameterPlan[];
  /** Defaults to 1 (Failure Action Object: "If not specified then a single retry SHALL be attempted"). */
  readonly retryLimit: number;
  readonly criteria: readonly CriterionPlan[];
}

/** A parameter after reusable resolution and workflow/step merging. */
export interface ParameterPlan {
  readonly name: string;
  readonly in?: ParameterLocation;
  readonly value: CompiledValue;
  /** The value as written in the document (for messages). */
  readonly text: string;
  /** The request cannot go without it (a path parameter, a required query/header parameter). */
  readonly required?: boolean;
}

/** A request body: payload compiled, replacements compiled. */
export interface BodyPlan {
  readonly contentType?: string;
  readonly payload?: CompiledValue;
  readonly replacements: readonly {
    readonly target: string;
    readonly value: CompiledValue;
    /** 1.1 `targetSelectorType` (absent: JSON Pointer on JSON payloads, XPath on XML ones). */
    readonly selector?: ReplacementSelector;
  }[];
}

/** A step that calls an API operation (`operationId` or `operationPath`), sent through the `openapi` transport. */
export interface OperationTarget {
  readonly kind: 'operation';
  readonly operation: OperationInfo;
  /** The sourceDescription the operation came from. */
  readonly source?: SourceDescription;
  readonly body?: BodyPlan;
  /** Parameters the operation needs that no step or workflow parameter supplies. */
  readonly unsupplied?: readonly RequiredParameter[];
  /** `x-security` of the workflow, then of the step (Redocly Respect): credentials it applies itself. */
  readonly security?: readonly SecurityPlan[];
}

/** A step that runs a workflow (`workflowId`), its parameters becoming the workflow's inputs. */
export interface WorkflowTarget {
  readonly kind: 'workflow';
  readonly workflow: WorkflowRef;
}

/**
 * A step that sends or receives a message on an AsyncAPI channel (Arazzo 1.1 `operationId`,
 * `operationPath` or `channelPath` on an `asyncapi` source, with `action`), carried by the engine's
 * MessageTransport.
 */
export interface MessageStepTarget {
  readonly kind: 'message';
  /** `send`: the step completes once the message is sent; `receive`: once a matching message arrived. */
  readonly action: 'send' | 'receive';
  /** The AsyncAPI operation, when the step names one (or its channelPath has one with this action). */
  readonly operation?: MessageOperationInfo;
  /** The sourceDescription of the channel. */
  readonly source: SourceDescription;
  /**
   * Where the message goes or comes from, resolved at load: channel, servers, bindings. Its `address`
   * is the channel address as written: `{name}` parameters are filled at run time from step
   * parameters `in: path` (see addressTemplate).
   */
  readonly target: MessageTarget;
  /** True when `target.address` holds `{name}` channel parameters to fill at run time. */
  readonly addressTemplate: boolean;
  /** The messages the operation (else the channel) declares: content types, schemas, correlation ids. */
  readonly messages: readonly MessageInfo[];
  /** A send step's payload (`requestBody`), compiled as for operations. */
  readonly body?: BodyPlan;
  /** A receive step's `correlationId` value (runtime expression or literal). */
  readonly correlationId?: CompiledValue;
  /**
   * Where the correlation value sits in a message: the AsyncAPI Correlation ID `location` of the
   * declared messages (the first that has one), else the protocol's own correlation field.
   */
  readonly correlationLocation?: string;
  /** 3.x operation `reply` address (a send step's `replyAddress`), when declared. */
  readonly replyAddress?: string;
}

/**
 * What a step acts on, one variant per step kind. Each kind has its module in steps/<kind>/,
 * registered in STEP_KINDS.
 */
export type StepTarget = OperationTarget | WorkflowTarget | MessageStepTarget;

/** A step another step depends on: `workflowId` absent for a step of the same workflow. */
export interface StepDependency {
  readonly stepId: string;
  readonly workflowId?: string;
  /** The entry as written. */
  readonly text: string;
}

/** One step, ready to run. */
export interface StepPlan {
  readonly stepId: string;
  readonly index: number;
  readonly target: StepTarget;
  /** 1.1 step `dependsOn`: steps that must have completed (successfully) in this run before this one runs. */
  readonly dependsOn?: readonly StepDependency[];
  /** 1.1 Step Object `timeout`: milliseconds an attempt may take before it is aborted and fails (`step-timeout`). */
  readonly timeoutMs?: number;
  readonly parameters: readonly ParameterPlan[];
  readonly successCriteria: readonly CriterionPlan[];
  /** Step actions first, then the workflow's actions not overridden by name. */
  readonly onSuccess: readonly ActionPlan[];
  readonly onFailure: readonly ActionPlan[];
  readonly outputs: readonly (readonly [string, CompiledValue])[];
  /** Input names the step reads anywhere (parameters, body, criteria, actions, outputs). */
  readonly inputReads: readonly string[];
}

/** One workflow, ready to run. */
export interface WorkflowPlan {
  readonly workflowId: string;
  readonly doc: DocumentPlan;
  readonly inputs: InputValidator;
  readonly dependsOn: readonly WorkflowRef[];
  readonly steps: readonly StepPlan[];
  readonly stepIndex: ReadonlyMap<string, number>;
  /**
   * Present when the workflow uses 1.1 step `dependsOn`: the steps (by stepId, of this workflow) each
   * step waits for, explicit (`dependsOn`) and implicit (`$steps.<id>.outputs` reads). Independent
   * steps then run concurrently (run/run-steps-concurrently.ts); absent: one after another.
   */
  readonly stepDependencies?: ReadonlyMap<string, readonly string[]>;
  /** The receive steps of the workflow: subscribed when it starts, before any step runs. */
  readonly receiveSteps: readonly StepPlan[];
  readonly outputs: readonly (readonly [string, CompiledValue])[];
  /** Input names the workflow outputs read. */
  readonly outputInputReads: readonly string[];
}

/** One Arazzo document of a description (the entry one, or one reached through an arazzo source). */
export interface DocumentPlan {
  readonly uri: string;
  readonly document: ArazzoDocument;
  /** 1.1 `$self`, resolved against the retrieval URI (the value of the `$self` expression). */
  readonly self?: string;
  readonly workflows: Map<string, WorkflowPlan>;
  /** `$sourceDescriptions` context. */
  readonly sourceDescriptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** `$components` context. */
  readonly components: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}
