/** One Step Object compiled: its target (operation or workflow), parameters, body, criteria, actions, outputs. */
import { compileValue } from '../../expressions/compile-value.js';
import { allowsSelectors } from '../../expressions/selectors/compile-selector.js';
import type { Parameter, SourceDescription, Step } from '../../model/arazzo.js';
import type { OperationIndex, ResolvedSource } from '../../sources/types.js';
import { compileMessageTarget } from '../steps/message/compile-message-target.js';
import { findMessageStep } from '../steps/message/find-message-step.js';
import { compileBody } from '../steps/operation/compile-body.js';
import { compileXSecurity } from '../steps/operation/compile-x-security.js';
import { findOperation } from '../steps/operation/find-operation.js';
import { planRequiredParameters } from '../steps/operation/plan-required-parameters.js';
import { inputsOfValues } from './collect-input-reads.js';
import { type ActionScope, compileActionList, mergeActions } from './compile-actions.js';
import { compileCriteria } from './compile-criteria.js';
import { compileParameters, resolveParameter } from './compile-parameters.js';
import type { ActionPlan, StepDependency, StepPlan, StepTarget, WorkflowRef } from './plan-types.js';

/** What compiling a step needs besides the step. */
export interface StepScope extends ActionScope {
  readonly index: OperationIndex;
  readonly sources: readonly SourceDescription[];
  /** The document's sources as resolved (AsyncAPI servers, channels and operations for message steps). */
  readonly resolvedSources: readonly ResolvedSource[];
  /** The declared input names of a workflow (empty: no inputs; undefined: a schema too open to tell). */
  declaredInputs(ref: WorkflowRef): ReadonlySet<string> | undefined;
}

/** A step dependsOn entry: a stepId, `$workflows.<w>.steps.<s>` or `$sourceDescriptions.<n>.<w>.steps.<s>`. */
function stepDependency(text: string): StepDependency {
  const other = /^\$(?:workflows|sourceDescriptions\.[^.]+)\.([^.]+)\.steps\.(.+)$/.exec(text);
  return other === null
    ? { stepId: text, text }
    : { workflowId: other[1] as string, stepId: other[2] as string, text };
}

/** Compile step `index` of a workflow. */
export function compileStepPlan(options: {
  step: Step;
  index: number;
  pointer: string;
  scope: StepScope;
  workflowParams: readonly Parameter[];
  workflowSuccess: readonly ActionPlan[];
  workflowFailure: readonly ActionPlan[];
  /** The workflow's `x-security` (Redocly Respect), and the workflow's pointer, for operation steps. */
  workflowSecurity?: { readonly entries: unknown; readonly pointer: string };
}): StepPlan {
  const { step, scope, pointer } = options;
  const names = scope.names === undefined ? {} : { names: scope.names };
  const values = { ...names, selectors: allowsSelectors(scope.document.arazzo) };
  const workflow =
    step.workflowId === undefined
      ? undefined
      : scope.resolveWorkflow(step.workflowId, `${pointer}/workflowId`);
  const found = workflow === undefined ? findMessageStep(step, scope, pointer) : undefined;
  const message =
    found === undefined
      ? undefined
      : compileMessageTarget({
          step,
          found,
          sources: scope.sources,
          uri: scope.uri,
          pointer,
          ...values,
        });
  const operation =
    workflow === undefined && message === undefined ? findOperation(step, scope, pointer) : undefined;
  const stepParams = (step.parameters ?? []).map((entry, i) =>
    resolveParameter({
      entry,
      document: scope.document,
      uri: scope.uri,
      pointer: `${pointer}/parameters/${i}`,
    }),
  );
  const merged = compileParameters({
    workflowParams: options.workflowParams,
    stepParams,
    forWorkflow: workflow !== undefined,
    ...(workflow === undefined ? {} : { targetInputs: scope.declaredInputs(workflow) }),
    ...values,
  });
  const { parameters, unsupplied } =
    operation === undefined
      ? { parameters: merged, unsupplied: [] }
      : planRequiredParameters({ operation, parameters: merged });
  const body =
    step.requestBody === undefined
      ? undefined
      : compileBody({
          body: step.requestBody,
          ...(operation === undefined ? {} : { operation }),
          uri: scope.uri,
          pointer: `${pointer}/requestBody`,
          ...values,
        });
  const security =
    operation === undefined
      ? undefined
      : compileXSecurity({
          workflow: options.workflowSecurity?.entries,
          step: (step as { 'x-security'?: unknown })['x-security'],
          operation,
          uri: scope.uri,
          workflowPointer: options.workflowSecurity?.pointer ?? '',
          stepPointer: pointer,
        });
  const successCriteria = compileCriteria({
    criteria: step.successCriteria,
    registry: scope.registry,
    arazzoVersion: scope.document.arazzo,
    uri: scope.uri,
    pointer: `${pointer}/successCriteria`,
    ...names,
  });
  const onSuccess = mergeActions({
    step: compileActionList({
      entries: step.onSuccess,
      kind: 'successActions',
      scope,
      pointer: `${pointer}/onSuccess`,
    }),
    workflow: options.workflowSuccess,
  });
  const onFailure = mergeActions({
    step: compileActionList({
      entries: step.onFailure,
      kind: 'failureActions',
      scope,
      pointer: `${pointer}/onFailure`,
    }),
    workflow: options.workflowFailure,
  });
  const outputs = Object.entries(step.outputs ?? {}).map(
    ([name, expr]) => [name, compileValue(expr, { ...values, constantAllowed: false })] as const,
  );
  const inputReads = [
    ...inputsOfValues({
      values: [
        ...parameters.map((p) => p.value),
        body?.payload,
        ...(body?.replacements ?? []).map((r) => r.value),
        message?.body?.payload,
        ...(message?.body?.replacements ?? []).map((r) => r.value),
        message?.correlationId,
        ...(security ?? []).flatMap((entry) => entry.values.map(([, value]) => value)),
      ],
    }),
    ...inputsOfValues({ values: outputs.map(([, v]) => v) }),
    ...successCriteria.flatMap((c) => c.inputReads),
    ...[...onSuccess, ...onFailure].flatMap((a) => a.criteria.flatMap((c) => c.inputReads)),
  ];
  const source =
    operation === undefined ? undefined : scope.sources.find((s) => s.name === operation.sourceName);
  const target: StepTarget =
    message !== undefined
      ? message
      : operation === undefined
        ? { kind: 'workflow', workflow: workflow as WorkflowRef }
        : {
            kind: 'operation',
            operation,
            ...(source === undefined ? {} : { source }),
            ...(body === undefined ? {} : { body }),
            ...(unsupplied.length === 0 ? {} : { unsupplied }),
            ...(security === undefined ? {} : { security }),
          };
  return {
    stepId: step.stepId,
    index: options.index,
    target,
    ...(step.dependsOn === undefined ? {} : { dependsOn: step.dependsOn.map(stepDependency) }),
    ...(typeof step.timeout === 'number' && step.timeout >= 0 ? { timeoutMs: step.timeout } : {}),
    parameters,
    successCriteria,
    onSuccess,
    onFailure,
    outputs,
    inputReads: [...new Set(inputReads)],
  };
}
