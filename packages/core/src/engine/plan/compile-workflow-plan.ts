/** One Workflow Object compiled: input validator, dependsOn, workflow-level parameters and actions, steps, outputs. */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { compileValue } from '../../expressions/compile-value.js';
import { allowsSelectors } from '../../expressions/selectors/compile-selector.js';
import { declaredNamesOf } from '../../lint/declared-names-of.js';
import type { Workflow } from '../../model/arazzo.js';
import { inputsOfValues } from './collect-input-reads.js';
import { compileActionList } from './compile-actions.js';
import { resolveParameter } from './compile-parameters.js';
import { compileStepPlan, type StepScope } from './compile-step-plan.js';
import { createInputValidator } from './create-input-validator.js';
import { orderSteps, stepDependencies } from './order-steps.js';
import type { DocumentPlan, WorkflowPlan } from './plan-types.js';

/** Compile workflow `index` of the document behind `doc`. */
export function compileWorkflowPlan(options: {
  workflow: Workflow;
  index: number;
  doc: DocumentPlan;
  ajv: () => Ajv2020;
  scope: StepScope;
}): WorkflowPlan {
  const { workflow, doc } = options;
  // Names declared where each part stands, so expressions may name ids the strict grammar cuts short.
  const scope = {
    ...options.scope,
    names: declaredNamesOf({ document: options.scope.document, workflow: options.index }),
  };
  const pointer = `/workflows/${options.index}`;
  const workflowParams = (workflow.parameters ?? []).map((entry, i) =>
    resolveParameter({
      entry,
      document: scope.document,
      uri: scope.uri,
      pointer: `${pointer}/parameters/${i}`,
    }),
  );
  const workflowSuccess = compileActionList({
    entries: workflow.successActions,
    kind: 'successActions',
    scope,
    pointer: `${pointer}/successActions`,
  });
  const workflowFailure = compileActionList({
    entries: workflow.failureActions,
    kind: 'failureActions',
    scope,
    pointer: `${pointer}/failureActions`,
  });
  const compiled = workflow.steps.map((step, i) =>
    compileStepPlan({
      step,
      index: i,
      pointer: `${pointer}/steps/${i}`,
      scope: {
        ...scope,
        names: declaredNamesOf({ document: scope.document, workflow: options.index, step: i }),
      },
      workflowParams,
      workflowSuccess,
      workflowFailure,
      workflowSecurity: { entries: (workflow as { 'x-security'?: unknown })['x-security'], pointer },
    }),
  );
  // Every `$steps.<id>.outputs` a step reads, wherever in the step (implicit dependencies).
  const readsOf = (step: (typeof compiled)[number]) => [JSON.stringify(workflow.steps[step.index] ?? null)];
  const steps = orderSteps(compiled, readsOf);
  const dependencies = stepDependencies(compiled, readsOf);
  const outputs = Object.entries(workflow.outputs ?? {}).map(
    ([name, expr]) =>
      [
        name,
        compileValue(expr, {
          names: scope.names,
          constantAllowed: false,
          selectors: allowsSelectors(scope.document.arazzo),
        }),
      ] as const,
  );
  return {
    workflowId: workflow.workflowId,
    doc,
    inputs: createInputValidator({
      ajv: options.ajv,
      document: scope.document,
      workflowIndex: options.index,
    }),
    dependsOn: (workflow.dependsOn ?? []).map((id, i) =>
      scope.resolveWorkflow(id, `${pointer}/dependsOn/${i}`),
    ),
    steps,
    stepIndex: new Map(steps.map((s, i) => [s.stepId, i])),
    ...(dependencies === undefined ? {} : { stepDependencies: dependencies }),
    receiveSteps: steps.filter((s) => s.target.kind === 'message' && s.target.action === 'receive'),
    outputs,
    outputInputReads: [...new Set(inputsOfValues({ values: outputs.map(([, v]) => v) }))],
  };
}
