/** One Step Object compiled: its operation or workflow, parameters, body, criteria, actions, outputs. */
import { compileValue } from '../../expressions/compile-value.js';
import type { Parameter, SourceDescription, Step } from '../../model/arazzo.js';
import type { OperationIndex, OperationInfo } from '../../sources/types.js';
import { inputsOfValues } from './collect-input-reads.js';
import { type ActionScope, compileActionList, mergeActions } from './compile-actions.js';
import { compileBody } from '../steps/operation/compile-body.js';
import { compileCriteria } from './compile-criteria.js';
import { compileParameters, resolveParameter } from './compile-parameters.js';
import { planError } from './plan-error.js';
import { planRequiredParameters } from '../steps/operation/plan-required-parameters.js';
import type { ActionPlan, StepPlan, WorkflowRef } from './plan-types.js';

/** What compiling a step needs besides the step. */
export interface StepScope extends ActionScope {
  readonly index: OperationIndex;
  readonly sources: readonly SourceDescription[];
  /** The declared input names of a workflow (empty: no inputs; undefined: a schema too open to tell). */
  declaredInputs(ref: WorkflowRef): ReadonlySet<string> | undefined;
}

function findOperation(step: Step, scope: StepScope, pointer: string): OperationInfo {
  if (step.operationPath !== undefined) {
    const found = scope.index.byOperationPath(step.operationPath);
    return (
      found ??
      planError({
        uri: scope.uri,
        pointer: `${pointer}/operationPath`,
        message: `no operation at '${step.operationPath}'`,
      })
    );
  }
  const found = scope.index.byOperationId(step.operationId ?? '');
  if (found.length === 1 && found[0] !== undefined) return found[0];
  const why = found.length === 0 ? 'no operation' : 'more than one operation';
  return planError({
    uri: scope.uri,
    pointer: `${pointer}/operationId`,
    message: `${why} with operationId '${step.operationId}'`,
  });
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
}): StepPlan {
  const { step, scope, pointer } = options;
  const workflow =
    step.workflowId === undefined
      ? undefined
      : scope.resolveWorkflow(step.workflowId, `${pointer}/workflowId`);
  const operation = workflow === undefined ? findOperation(step, scope, pointer) : undefined;
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
        });
  const successCriteria = compileCriteria({
    criteria: step.successCriteria,
    registry: scope.registry,
    arazzoVersion: scope.document.arazzo,
    uri: scope.uri,
    pointer: `${pointer}/successCriteria`,
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
    ([name, expr]) => [name, compileValue(expr)] as const,
  );
  const inputReads = [
    ...inputsOfValues({
      values: [
        ...parameters.map((p) => p.value),
        body?.payload,
        ...(body?.replacements ?? []).map((r) => r.value),
      ],
    }),
    ...inputsOfValues({ values: outputs.map(([, v]) => v) }),
    ...successCriteria.flatMap((c) => c.inputReads),
    ...[...onSuccess, ...onFailure].flatMap((a) => a.criteria.flatMap((c) => c.inputReads)),
  ];
  const source =
    operation === undefined ? undefined : scope.sources.find((s) => s.name === operation.sourceName);
  return {
    stepId: step.stepId,
    index: options.index,
    parameters,
    successCriteria,
    onSuccess,
    onFailure,
    outputs,
    inputReads: [...new Set(inputReads)],
    ...(operation === undefined ? {} : { operation }),
    ...(unsupplied.length === 0 ? {} : { unsupplied }),
    ...(source === undefined ? {} : { source }),
    ...(workflow === undefined ? {} : { workflow }),
    ...(body === undefined ? {} : { body }),
  };
}
