import { isSelectorObject } from '../../document/is-selector-object.js';
import { escapePointerToken } from '../../document/json-pointer.js';
import type { SelectorObject } from '../../model/arazzo.js';
import type { ExpressionScope } from '../collect-expression-sites.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, entriesOf } from '../read-node.js';

/** A Selector Object of the document, where it stands and which workflow/step it belongs to. */
export interface SelectorSite {
  readonly pointer: string;
  readonly selector: SelectorObject;
  readonly scope: ExpressionScope;
}

/**
 * Every Selector Object where Arazzo 1.1.0 allows one: workflow and step outputs, parameter values
 * (workflow, step, action and component parameters), payload replacement values, and anywhere
 * inside a request body payload.
 */
export function collectSelectors(context: LintContext): SelectorSite[] {
  const out: SelectorSite[] = [];
  const visit = (value: unknown, pointer: string, scope: ExpressionScope, deep: boolean): void => {
    if (isSelectorObject(value)) {
      out.push({ pointer, selector: value, scope });
      return;
    }
    if (!deep) return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, `${pointer}/${i}`, scope, true);
    } else
      for (const [k, v] of entriesOf(value)) visit(v, `${pointer}/${escapePointerToken(k)}`, scope, true);
  };
  const parameters = (list: unknown, base: string, scope: ExpressionScope): void => {
    for (const [i, p] of asArray(list).entries())
      visit(asRecord(p)?.value, `${base}/${i}/value`, scope, false);
  };
  const actions = (list: unknown, base: string, scope: ExpressionScope): void => {
    for (const [i, a] of asArray(list).entries())
      parameters(asRecord(a)?.parameters, `${base}/${i}/parameters`, scope);
  };
  const outputs = (map: unknown, base: string, scope: ExpressionScope): void => {
    for (const [name, value] of entriesOf(map))
      visit(value, `${base}/${escapePointerToken(name)}`, scope, false);
  };
  asArray(context.root.workflows).forEach((item, w) => {
    const workflow = asRecord(item);
    const base = `/workflows/${w}`;
    parameters(workflow?.parameters, `${base}/parameters`, { workflow: w });
    actions(workflow?.successActions, `${base}/successActions`, { workflow: w });
    actions(workflow?.failureActions, `${base}/failureActions`, { workflow: w });
    outputs(workflow?.outputs, `${base}/outputs`, { workflow: w, workflowOutputs: true });
    asArray(workflow?.steps).forEach((stepItem, s) => {
      const step = asRecord(stepItem);
      const at = `${base}/steps/${s}`;
      const scope: ExpressionScope = { workflow: w, step: s };
      parameters(step?.parameters, `${at}/parameters`, scope);
      const body = asRecord(step?.requestBody);
      visit(body?.payload, `${at}/requestBody/payload`, scope, true);
      for (const [i, r] of asArray(body?.replacements).entries())
        visit(asRecord(r)?.value, `${at}/requestBody/replacements/${i}/value`, scope, false);
      actions(step?.onSuccess, `${at}/onSuccess`, scope);
      actions(step?.onFailure, `${at}/onFailure`, scope);
      outputs(step?.outputs, `${at}/outputs`, scope);
    });
  });
  const components = asRecord(context.root.components);
  for (const [name, parameter] of entriesOf(components?.parameters))
    visit(asRecord(parameter)?.value, `/components/parameters/${escapePointerToken(name)}/value`, {}, false);
  for (const kind of ['successActions', 'failureActions'] as const)
    for (const [name, action] of entriesOf(components?.[kind]))
      parameters(
        asRecord(action)?.parameters,
        `/components/${kind}/${escapePointerToken(name)}/parameters`,
        {},
      );
  return out;
}
