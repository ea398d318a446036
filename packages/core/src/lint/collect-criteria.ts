import { escapePointerToken } from '../document/json-pointer.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, entriesOf } from './read-node.js';

/** One criterion object of the document with its pointer. */
export interface CriterionSite {
  readonly pointer: string;
  readonly criterion: Readonly<Record<string, unknown>>;
}

/** Every criterion: steps' successCriteria, inline actions' criteria, and component actions' criteria. */
export function collectCriteria(context: LintContext): CriterionSite[] {
  const sites: CriterionSite[] = [];
  const add = (list: unknown, base: string): void => {
    asArray(list).forEach((item, i) => {
      const criterion = asRecord(item);
      if (criterion !== undefined) sites.push({ pointer: `${base}/${i}`, criterion });
    });
  };
  const actions = (list: unknown, base: string): void => {
    asArray(list).forEach((item, i) => {
      add(asRecord(item)?.criteria, `${base}/${i}/criteria`);
    });
  };
  asArray(context.root.workflows).forEach((item, w) => {
    const workflow = asRecord(item);
    actions(workflow?.successActions, `/workflows/${w}/successActions`);
    actions(workflow?.failureActions, `/workflows/${w}/failureActions`);
    asArray(workflow?.steps).forEach((stepItem, s) => {
      const step = asRecord(stepItem);
      const base = `/workflows/${w}/steps/${s}`;
      add(step?.successCriteria, `${base}/successCriteria`);
      actions(step?.onSuccess, `${base}/onSuccess`);
      actions(step?.onFailure, `${base}/onFailure`);
    });
  });
  const components = asRecord(context.root.components);
  for (const kind of ['successActions', 'failureActions'] as const) {
    for (const [name, action] of entriesOf(components?.[kind])) {
      add(asRecord(action)?.criteria, `/components/${kind}/${escapePointerToken(name)}/criteria`);
    }
  }
  return sites;
}
