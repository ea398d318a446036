import { escapePointerToken } from '../document/json-pointer.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString, entriesOf } from './read-node.js';

/** One success or failure action as lint sees it, inline or reached through `$components`. */
export interface ActionSite {
  /** The action object (the component's, when reached through a reference). */
  readonly action: Readonly<Record<string, unknown>>;
  /** Pointer of the inline action, or of the `reference` that brought the component in. */
  readonly pointer: string;
  /** Index of the workflow whose steps a `goto`/`retry` `stepId` names; undefined for components. */
  readonly workflow?: number;
  /** The `$components...` reference the action came through, if any. */
  readonly reference?: string;
}

const LISTS = [
  ['onSuccess', 'successActions'],
  ['onFailure', 'failureActions'],
] as const;

/**
 * Every action of the document: step onSuccess/onFailure, workflow successActions/failureActions
 * (both possibly `{reference: $components...}`), and the components' own actions.
 */
export function collectActions(context: LintContext): ActionSite[] {
  const sites: ActionSite[] = [];
  const components = asRecord(context.root.components);
  const add = (
    list: unknown,
    base: string,
    kind: 'successActions' | 'failureActions',
    workflow: number,
  ): void => {
    asArray(list).forEach((item, i) => {
      const node = asRecord(item);
      if (node === undefined) return;
      const reference = asString(node.reference);
      if (reference === undefined) {
        sites.push({ action: node, pointer: `${base}/${i}`, workflow });
        return;
      }
      const prefix = `$components.${kind}.`;
      const target = reference.startsWith(prefix)
        ? asRecord(asRecord(components?.[kind])?.[reference.slice(prefix.length)])
        : undefined;
      if (target !== undefined)
        sites.push({ action: target, pointer: `${base}/${i}/reference`, workflow, reference });
    });
  };
  for (const [w, workflow] of asArray(context.root.workflows).entries()) {
    const node = asRecord(workflow);
    for (const [stepKey, workflowKey] of LISTS) {
      add(node?.[workflowKey], `/workflows/${w}/${workflowKey}`, workflowKey, w);
      for (const [s, step] of asArray(node?.steps).entries()) {
        add(asRecord(step)?.[stepKey], `/workflows/${w}/steps/${s}/${stepKey}`, workflowKey, w);
      }
    }
  }
  for (const [, kind] of LISTS) {
    for (const [name, action] of entriesOf(components?.[kind])) {
      const node = asRecord(action);
      if (node !== undefined)
        sites.push({ action: node, pointer: `/components/${kind}/${escapePointerToken(name)}` });
    }
  }
  return sites;
}
