import { compileValue } from '../../expressions/compile-value.js';
import { parseExpression } from '../../expressions/parse-expression.js';
import type { JsonValue } from '../../model/arazzo.js';
import type { ExpressionScope } from '../collect-expression-sites.js';
import { declaredNamesOf } from '../declared-names-of.js';
import { findReferenceProblem } from '../find-reference-problem.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString, entriesOf } from '../read-node.js';
import { isArazzo11, reportV11 } from './report-v11.js';

/**
 * Arazzo 1.1.0 §Success/Failure Action Object `parameters`: they are inputs of the workflow the action
 * names with `workflowId`, so on an action without one nothing receives them
 * (`action-parameters-ignored`), and a name may appear only once (`duplicate-id`). Their values'
 * runtime expressions must parse and name what exists (`expression-invalid`, `reference-unknown`),
 * read where the action runs (the step's workflow), and a Reusable Object must name a component.
 */
export function checkActionParameters(context: LintContext): void {
  if (!isArazzo11(context)) return;
  const components = asRecord(asRecord(context.root.components)?.parameters);
  const nameOf = (item: unknown): string | undefined => {
    const node = asRecord(item);
    const reference = /^\$components\.parameters\.(.+)$/.exec(asString(node?.reference) ?? '')?.[1];
    return reference === undefined ? asString(node?.name) : asString(asRecord(components?.[reference])?.name);
  };
  for (const [pointer, action, scope] of actionsOf(context)) {
    const parameters = asArray(action.parameters);
    if (parameters.length === 0) continue;
    if (asString(action.workflowId) === undefined)
      reportV11(context, 'action-parameters-ignored', {
        message: `action '${asString(action.name) ?? '?'}' (${asString(action.type) ?? '?'}) names no workflowId, so its parameters go nowhere`,
        pointer: `${pointer}/parameters`,
      });
    const seen = new Set<string>();
    parameters.forEach((item, i) => {
      checkValue(context, asRecord(item)?.value, `${pointer}/parameters/${i}/value`, scope);
      checkReference(context, asRecord(item)?.reference, `${pointer}/parameters/${i}/reference`, scope);
      const name = nameOf(item);
      if (name === undefined) return;
      if (seen.has(name))
        reportV11(context, 'duplicate-parameter', {
          message: `parameter '${name}' appears twice in the parameters of action '${asString(action.name) ?? '?'}'`,
          pointer: `${pointer}/parameters/${i}`,
        });
      seen.add(name);
    });
  }
}

/** The runtime expressions of one parameter value: well formed, and naming what exists. */
function checkValue(context: LintContext, value: unknown, pointer: string, scope: ExpressionScope): void {
  if (value === undefined) return;
  const names = declaredNamesOf({ document: context.root, ...scope });
  const compiled = compileValue(value as JsonValue, { names });
  for (const { pointer: inner, error } of compiled.errors)
    context.report({
      rule: 'expression-invalid',
      message: `not a valid runtime expression: ${error.message} (at offset ${error.offset})`,
      pointer: `${pointer}${inner}`,
    });
  for (const { pointer: inner, expression } of compiled.expressions) {
    const problem = findReferenceProblem(context, expression, scope);
    if (problem !== undefined)
      context.report({ rule: problem.rule, message: problem.message, pointer: `${pointer}${inner}` });
  }
}

/** A Reusable Object "MUST link to a parameter defined in the components/parameters" of this document. */
function checkReference(
  context: LintContext,
  reference: unknown,
  pointer: string,
  scope: ExpressionScope,
): void {
  const text = asString(reference);
  if (text === undefined) return;
  const parsed = parseExpression(text);
  if (!parsed.ok) {
    context.report({
      rule: 'expression-invalid',
      message: `not a valid runtime expression: ${parsed.error.message} (at offset ${parsed.error.offset})`,
      pointer,
    });
    return;
  }
  const problem = findReferenceProblem(context, parsed.value, scope);
  if (problem !== undefined) context.report({ rule: problem.rule, message: problem.message, pointer });
}

type Action = [string, Readonly<Record<string, unknown>>, ExpressionScope];

/** Every inline success/failure action: workflow-level, step-level and in components. */
function actionsOf(context: LintContext): Action[] {
  const out: Action[] = [];
  const add = (list: unknown, base: string, scope: ExpressionScope) =>
    asArray(list).forEach((item, i) => {
      const node = asRecord(item);
      if (node !== undefined && node.reference === undefined) out.push([`${base}/${i}`, node, scope]);
    });
  asArray(context.root.workflows).forEach((workflow, w) => {
    const node = asRecord(workflow);
    add(node?.successActions, `/workflows/${w}/successActions`, { workflow: w });
    add(node?.failureActions, `/workflows/${w}/failureActions`, { workflow: w });
    asArray(node?.steps).forEach((step, s) => {
      add(asRecord(step)?.onSuccess, `/workflows/${w}/steps/${s}/onSuccess`, { workflow: w, step: s });
      add(asRecord(step)?.onFailure, `/workflows/${w}/steps/${s}/onFailure`, { workflow: w, step: s });
    });
  });
  for (const kind of ['successActions', 'failureActions'] as const)
    for (const [name, action] of entriesOf(asRecord(context.root.components)?.[kind])) {
      const node = asRecord(action);
      if (node !== undefined)
        out.push([`/components/${kind}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, node, {}]);
    }
  return out;
}
