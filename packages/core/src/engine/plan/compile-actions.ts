/**
 * Success and failure actions of a step: reusable `$components.successActions.x` /
 * `failureActions.x` resolved, criteria compiled, and the step's own actions placed before the
 * workflow's, a workflow action being overridden (never removed) by a step action of the same name
 * (Step Object `onSuccess`/`onFailure`, Workflow Object `successActions`/`failureActions`).
 */

import type { CriterionRegistry } from '../../criteria/registry.js';
import { compileValue } from '../../expressions/compile-value.js';
import type { DeclaredNames } from '../../expressions/declared-names.js';
import { parseExpression } from '../../expressions/parse-expression.js';
import { allowsSelectors } from '../../expressions/selectors/compile-selector.js';
import type {
  ArazzoDocument,
  FailureAction,
  Parameter,
  ReusableObject,
  SuccessAction,
} from '../../model/arazzo.js';
import { compileCriteria } from './compile-criteria.js';
import { resolveParameter } from './compile-parameters.js';
import { planError } from './plan-error.js';
import type { ActionPlan, ParameterPlan, WorkflowRef } from './plan-types.js';

type ActionEntry = SuccessAction | FailureAction | ReusableObject;

/** Everything compiling actions needs from the document being compiled. */
export interface ActionScope {
  readonly document: ArazzoDocument;
  readonly uri: string;
  readonly registry: CriterionRegistry;
  /** Names declared where the actions stand, for lenient expression parsing (DeclaredNames). */
  readonly names?: DeclaredNames;
  /** Resolve a workflowId (plain, or `$sourceDescriptions.x.wf`) to the document that defines it. */
  resolveWorkflow(workflowId: string, pointer: string): WorkflowRef;
}

function resolveEntry(
  entry: ActionEntry,
  kind: 'successActions' | 'failureActions',
  scope: ActionScope,
  pointer: string,
): SuccessAction | FailureAction {
  if (!('reference' in entry)) return entry;
  const parsed = parseExpression(entry.reference);
  const found =
    parsed.ok && parsed.value.kind === 'components' && parsed.value.componentType === kind
      ? scope.document.components?.[kind]?.[parsed.value.name]
      : undefined;
  if (found === undefined)
    return planError({
      uri: scope.uri,
      pointer,
      message: `unresolved action reference '${entry.reference}'`,
    });
  return found;
}

/** Compile one list of actions (`pointer` is the list's JSON Pointer). */
export function compileActionList(options: {
  entries: readonly ActionEntry[] | undefined;
  kind: 'successActions' | 'failureActions';
  scope: ActionScope;
  pointer: string;
}): ActionPlan[] {
  const { scope, kind } = options;
  return (options.entries ?? []).map((entry, i) => {
    const pointer = `${options.pointer}/${i}`;
    const action = resolveEntry(entry, kind, scope, pointer) as FailureAction;
    const retryLimit = action.retryLimit ?? 1;
    const plan: ActionPlan = {
      name: action.name,
      type: action.type,
      retryLimit,
      criteria: compileCriteria({
        criteria: action.criteria,
        registry: scope.registry,
        arazzoVersion: scope.document.arazzo,
        uri: scope.uri,
        pointer: `${pointer}/criteria`,
        ...(scope.names === undefined ? {} : { names: scope.names }),
      }),
      ...(action.stepId === undefined ? {} : { stepId: action.stepId }),
      ...(action.workflowId === undefined
        ? {}
        : { workflow: scope.resolveWorkflow(action.workflowId, `${pointer}/workflowId`) }),
      ...(action.retryAfter === undefined ? {} : { retryAfter: action.retryAfter }),
      ...(action.parameters === undefined || action.workflowId === undefined
        ? {}
        : { parameters: compileActionParameters(action.parameters, scope, `${pointer}/parameters`) }),
    };
    return plan;
  });
}

/** 1.1 action parameters: the inputs of the workflow a goto or retry action names (no `in`). */
function compileActionParameters(
  entries: readonly (Parameter | ReusableObject)[],
  scope: ActionScope,
  pointer: string,
): ParameterPlan[] {
  const options = {
    ...(scope.names === undefined ? {} : { names: scope.names }),
    selectors: allowsSelectors(scope.document.arazzo),
  };
  return entries.map((entry, i) => {
    const p = resolveParameter({
      entry,
      document: scope.document,
      uri: scope.uri,
      pointer: `${pointer}/${i}`,
    });
    const text = typeof p.value === 'string' ? p.value : JSON.stringify(p.value);
    return { name: p.name, value: compileValue(p.value, options), text };
  });
}

/** Step actions first, then workflow actions whose name the step does not override. */
export function mergeActions(options: {
  step: readonly ActionPlan[];
  workflow: readonly ActionPlan[];
}): ActionPlan[] {
  const names = new Set(options.step.map((a) => a.name));
  return [...options.step, ...options.workflow.filter((a) => !names.has(a.name))];
}
