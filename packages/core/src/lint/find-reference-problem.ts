import { declaredInputs } from '../document/declared-inputs.js';
import type { RuntimeExpression } from '../expressions/ast.js';
import { didYouMean } from './closest-name.js';
import type { ExpressionScope } from './collect-expression-sites.js';
import { findInputProblem } from './find-input-problem.js';
import { findWorkflow } from './find-workflow.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';
import type { RuleId } from './rules/rule-table.js';

/** Why a well-formed expression reaches nothing (or reaches something in a way worth a warning). */
export interface ReferenceProblem {
  readonly rule: RuleId;
  readonly message: string;
}

const NO_MESSAGE = new Set(['url', 'method', 'statusCode', 'request', 'response']);

/**
 * Check what a well-formed expression names against the document: declared inputs, steps of the
 * same workflow and their outputs, workflows and their inputs/outputs, components, sources.
 * Returns undefined when it resolves (or cannot be judged statically).
 */
export function findReferenceProblem(
  context: LintContext,
  expression: RuntimeExpression,
  scope: ExpressionScope,
): ReferenceProblem | undefined {
  const error = (message: string): ReferenceProblem => ({ rule: 'reference-unknown', message });
  // Only the scope's own workflow is read for most expressions: no per-expression pass over all of
  // them (that made a document of W workflows and E expressions cost W x E).
  const here =
    scope.workflow === undefined ? undefined : asRecord(asArray(context.root.workflows)[scope.workflow]);
  const hereName = `workflow '${asString(here?.workflowId) ?? scope.workflow}'`;
  if (scope.workflowOutputs === true && NO_MESSAGE.has(expression.kind)) {
    return {
      rule: 'workflow-output-message',
      message: `'${expression.text}' in a workflow output: a workflow has no request or response of its own; take it from a step's outputs`,
    };
  }
  const step = scope.step === undefined ? undefined : asRecord(asArray(here?.steps)[scope.step]);
  const called = asString(step?.workflowId);
  if (called !== undefined && scope.afterRun === true && NO_MESSAGE.has(expression.kind)) {
    return {
      rule: 'workflow-step-reads',
      message:
        expression.kind === 'statusCode'
          ? `'${expression.text}' in a step that runs workflow '${called}': read as the status of that workflow's last response (1.0.1 leaves this open)`
          : `'${expression.text}' in a step that runs workflow '${called}' has no value: only $statusCode (its last response's) and $outputs (its outputs) are defined there (1.0.1 leaves this open)`,
    };
  }
  switch (expression.kind) {
    case 'inputs': {
      if (here === undefined) return undefined;
      const { text, name } = expression;
      return findInputProblem({ document: context.root, workflow: here, workflowName: hereName, text, name });
    }
    case 'outputs': {
      if (here === undefined) return undefined;
      // In a step that runs a workflow, `$outputs.x` reads the outputs of the workflow it ran.
      const lookup = called === undefined ? undefined : findWorkflow(context, called);
      if (lookup !== undefined && lookup.kind !== 'local' && lookup.kind !== 'external') return undefined;
      const owner = lookup === undefined ? here : lookup.workflow;
      const ownerName = lookup === undefined ? hereName : `workflow '${called}' (run by this step)`;
      const names = Object.keys(asRecord(owner.outputs) ?? {});
      if (!names.includes(expression.name))
        return error(
          `'${expression.text}': ${ownerName} defines no output '${expression.name}'${didYouMean(expression.name, names)}`,
        );
      if (lookup === undefined) return undefined;
      return {
        rule: 'workflow-step-reads',
        message: `'${expression.text}' in a step that runs workflow '${called}': read as that workflow's output '${expression.name}' (1.0.1 leaves this open)`,
      };
    }
    case 'steps': {
      if (here === undefined || expression.name === undefined) return undefined;
      const steps = asArray(here.steps).map(asRecord);
      const step = steps.find((s) => asString(s?.stepId) === expression.stepId);
      if (step === undefined) {
        const ids = steps.flatMap((s) => asString(s?.stepId) ?? []);
        return error(
          `'${expression.text}': '${expression.stepId}' is not a step of ${hereName}${didYouMean(expression.stepId, ids)}`,
        );
      }
      const outputs = Object.keys(asRecord(step.outputs) ?? {});
      if (outputs.includes(expression.name)) return undefined;
      return error(
        `'${expression.text}': step '${expression.stepId}' defines no output '${expression.name}'${didYouMean(expression.name, outputs)}`,
      );
    }
    case 'workflows': {
      if (expression.name === undefined) return undefined;
      const workflows = asArray(context.root.workflows).map(asRecord);
      const target = workflows.find((w) => asString(w?.workflowId) === expression.workflowId);
      if (target === undefined) {
        const ids = workflows.flatMap((w) => asString(w?.workflowId) ?? []);
        return error(
          `'${expression.text}': no workflow '${expression.workflowId}' in this document${didYouMean(expression.workflowId, ids)}`,
        );
      }
      const names =
        expression.property === 'outputs'
          ? new Set(Object.keys(asRecord(target.outputs) ?? {}))
          : declaredInputs({ document: context.root, workflow: target });
      if (names === undefined || names.has(expression.name)) return undefined;
      const what = expression.property === 'outputs' ? 'output' : 'input';
      return error(
        `'${expression.text}': workflow '${expression.workflowId}' defines no ${what} '${expression.name}'${didYouMean(expression.name, names)}`,
      );
    }
    case 'components': {
      const group = asRecord(asRecord(context.root.components)?.[expression.componentType]);
      if (group !== undefined && expression.name in group) return undefined;
      return error(
        `'${expression.text}': no ${expression.componentType} component '${expression.name}'${didYouMean(expression.name, Object.keys(group ?? {}))}`,
      );
    }
    case 'sourceDescriptions': {
      const names = context.sources.map((s) => s.description.name);
      const declared = asArray(context.root.sourceDescriptions).flatMap(
        (s) => asString(asRecord(s)?.name) ?? [],
      );
      if (names.includes(expression.name) || declared.includes(expression.name)) return undefined;
      return error(
        `'${expression.text}': no sourceDescription '${expression.name}'${didYouMean(expression.name, declared)}`,
      );
    }
    default:
      return undefined;
  }
}
