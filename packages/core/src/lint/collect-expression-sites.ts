import { escapePointerToken } from '../document/json-pointer.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString, entriesOf } from './read-node.js';

/** Where an expression is used: which workflow and step it may refer to. */
export interface ExpressionScope {
  /** Index of the enclosing workflow (undefined inside components). */
  readonly workflow?: number;
  /** Index of the enclosing step, inside a step. */
  readonly step?: number;
  /** True for a workflow's `outputs`: there is no request or response there. */
  readonly workflowOutputs?: boolean;
  /** True for a step's criteria, actions and outputs: read after the step ran (its response, or its workflow's). */
  readonly afterRun?: boolean;
}

/** A node holding expressions: a value (templates allowed), a whole expression, or a simple condition. */
export interface ExpressionSite {
  readonly kind: 'value' | 'expression' | 'condition';
  readonly pointer: string;
  readonly value: unknown;
  readonly scope: ExpressionScope;
}

/**
 * Every place of the document that holds runtime expressions: parameter values, reusable
 * `reference`s, request payloads and replacement values, step and workflow outputs, criteria
 * contexts and `simple` conditions, in workflows and in components. Collected once per lint run
 * (expression-invalid and the 1.1 expression listing both read them).
 */
export function collectExpressionSites(context: LintContext): readonly ExpressionSite[] {
  let sites = COLLECTED.get(context);
  if (sites === undefined) {
    sites = collectOnce(context);
    COLLECTED.set(context, sites);
  }
  return sites;
}

const COLLECTED = new WeakMap<LintContext, readonly ExpressionSite[]>();

function collectOnce(context: LintContext): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  const add = (
    kind: ExpressionSite['kind'],
    pointer: string,
    value: unknown,
    scope: ExpressionScope,
  ): void => {
    if (value !== undefined) sites.push({ kind, pointer, value, scope });
  };
  const parameters = (list: unknown, base: string, scope: ExpressionScope): void => {
    asArray(list).forEach((item, i) => {
      const node = asRecord(item);
      add('expression', `${base}/${i}/reference`, asString(node?.reference), scope);
      add('value', `${base}/${i}/value`, node?.value, scope);
    });
  };
  const criteria = (list: unknown, base: string, scope: ExpressionScope): void => {
    asArray(list).forEach((item, i) => {
      const node = asRecord(item);
      add('expression', `${base}/${i}/context`, asString(node?.context), scope);
      const type = node?.type;
      if (type === undefined || type === 'simple')
        add('condition', `${base}/${i}/condition`, asString(node?.condition), scope);
    });
  };
  const actions = (list: unknown, base: string, scope: ExpressionScope): void => {
    asArray(list).forEach((item, i) => {
      const node = asRecord(item);
      add('expression', `${base}/${i}/reference`, asString(node?.reference), scope);
      criteria(node?.criteria, `${base}/${i}/criteria`, scope);
    });
  };
  const outputs = (map: unknown, base: string, scope: ExpressionScope): void => {
    for (const [name, value] of entriesOf(map))
      add('expression', `${base}/${escapePointerToken(name)}`, asString(value), scope);
  };
  asArray(context.root.workflows).forEach((item, w) => {
    const workflow = asRecord(item);
    const base = `/workflows/${w}`;
    const scope: ExpressionScope = { workflow: w };
    parameters(workflow?.parameters, `${base}/parameters`, scope);
    actions(workflow?.successActions, `${base}/successActions`, scope);
    actions(workflow?.failureActions, `${base}/failureActions`, scope);
    outputs(workflow?.outputs, `${base}/outputs`, { workflow: w, workflowOutputs: true });
    asArray(workflow?.steps).forEach((stepItem, s) => {
      const step = asRecord(stepItem);
      const at = `${base}/steps/${s}`;
      const scope: ExpressionScope = { workflow: w, step: s };
      parameters(step?.parameters, `${at}/parameters`, scope);
      const body = asRecord(step?.requestBody);
      add('value', `${at}/requestBody/payload`, body?.payload, scope);
      for (const [i, r] of asArray(body?.replacements).entries()) {
        add('value', `${at}/requestBody/replacements/${i}/value`, asRecord(r)?.value, scope);
      }
      const after: ExpressionScope = { ...scope, afterRun: true };
      criteria(step?.successCriteria, `${at}/successCriteria`, after);
      actions(step?.onSuccess, `${at}/onSuccess`, after);
      actions(step?.onFailure, `${at}/onFailure`, after);
      outputs(step?.outputs, `${at}/outputs`, after);
    });
  });
  const components = asRecord(context.root.components);
  for (const [name, parameter] of entriesOf(components?.parameters)) {
    add('value', `/components/parameters/${escapePointerToken(name)}/value`, asRecord(parameter)?.value, {});
  }
  for (const kind of ['successActions', 'failureActions'] as const) {
    for (const [name, action] of entriesOf(components?.[kind])) {
      criteria(asRecord(action)?.criteria, `/components/${kind}/${escapePointerToken(name)}/criteria`, {});
    }
  }
  return sites;
}
