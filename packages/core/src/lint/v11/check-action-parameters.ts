import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString, entriesOf } from '../read-node.js';
import { isArazzo11, reportV11 } from './report-v11.js';

/**
 * Arazzo 1.1.0 §Success/Failure Action Object `parameters`: they are inputs of the workflow the action
 * names with `workflowId`, so on an action without one nothing receives them
 * (`action-parameters-ignored`), and a name may appear only once (`duplicate-id`).
 */
export function checkActionParameters(context: LintContext): void {
  if (!isArazzo11(context)) return;
  const components = asRecord(asRecord(context.root.components)?.parameters);
  const nameOf = (item: unknown): string | undefined => {
    const node = asRecord(item);
    const reference = /^\$components\.parameters\.(.+)$/.exec(asString(node?.reference) ?? '')?.[1];
    return reference === undefined ? asString(node?.name) : asString(asRecord(components?.[reference])?.name);
  };
  for (const [pointer, action] of actionsOf(context)) {
    const parameters = asArray(action.parameters);
    if (parameters.length === 0) continue;
    if (asString(action.workflowId) === undefined)
      reportV11(context, 'action-parameters-ignored', {
        message: `action '${asString(action.name) ?? '?'}' (${asString(action.type) ?? '?'}) names no workflowId, so its parameters go nowhere`,
        pointer: `${pointer}/parameters`,
      });
    const seen = new Set<string>();
    parameters.forEach((item, i) => {
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

/** Every inline success/failure action: workflow-level, step-level and in components. */
function actionsOf(context: LintContext): [string, Readonly<Record<string, unknown>>][] {
  const out: [string, Readonly<Record<string, unknown>>][] = [];
  const add = (list: unknown, base: string) =>
    asArray(list).forEach((item, i) => {
      const node = asRecord(item);
      if (node !== undefined && node.reference === undefined) out.push([`${base}/${i}`, node]);
    });
  asArray(context.root.workflows).forEach((workflow, w) => {
    const node = asRecord(workflow);
    add(node?.successActions, `/workflows/${w}/successActions`);
    add(node?.failureActions, `/workflows/${w}/failureActions`);
    asArray(node?.steps).forEach((step, s) => {
      add(asRecord(step)?.onSuccess, `/workflows/${w}/steps/${s}/onSuccess`);
      add(asRecord(step)?.onFailure, `/workflows/${w}/steps/${s}/onFailure`);
    });
  });
  for (const kind of ['successActions', 'failureActions'] as const)
    for (const [name, action] of entriesOf(asRecord(context.root.components)?.[kind])) {
      const node = asRecord(action);
      if (node !== undefined)
        out.push([`/components/${kind}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, node]);
    }
  return out;
}
