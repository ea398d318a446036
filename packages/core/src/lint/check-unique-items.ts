import type { LintContext } from './lint-context.js';
import { asArray, asRecord, entriesOf } from './read-node.js';

/**
 * The published schema's `uniqueItems` on arrays of objects (parameters, criteria, actions,
 * replacements), checked here in linear time: ajv compares every pair of items deeply, which took
 * seconds on a step with thousands of parameters. Reported as `schema` errors, as ajv would, at the
 * later copy. (sourceDescriptions, workflows and steps are covered by `duplicate-id`.)
 */
export function checkUniqueItems(context: LintContext): void {
  const { root } = context;
  const actions = (list: unknown, base: string): void => {
    unique(context, list, base);
    asArray(list).forEach((action, i) => {
      if (isReusable(action)) return;
      unique(context, asRecord(action)?.criteria, `${base}/${i}/criteria`);
    });
  };
  asArray(root.workflows).forEach((raw, w) => {
    const workflow = asRecord(raw);
    const base = `/workflows/${w}`;
    unique(context, workflow?.parameters, `${base}/parameters`);
    actions(workflow?.successActions, `${base}/successActions`);
    actions(workflow?.failureActions, `${base}/failureActions`);
    asArray(workflow?.steps).forEach((rawStep, s) => {
      const step = asRecord(rawStep);
      const at = `${base}/steps/${s}`;
      unique(context, step?.parameters, `${at}/parameters`);
      unique(context, step?.successCriteria, `${at}/successCriteria`);
      unique(context, asRecord(step?.requestBody)?.replacements, `${at}/requestBody/replacements`);
      actions(step?.onSuccess, `${at}/onSuccess`);
      actions(step?.onFailure, `${at}/onFailure`);
    });
  });
  const components = asRecord(root.components);
  for (const kind of ['successActions', 'failureActions']) {
    for (const [name, action] of entriesOf(components?.[kind])) {
      const key = name.replace(/~/g, '~0').replace(/\//g, '~1');
      unique(context, asRecord(action)?.criteria, `/components/${kind}/${key}/criteria`);
    }
  }
}

const isReusable = (item: unknown): boolean => asRecord(item)?.reference !== undefined;

function unique(context: LintContext, list: unknown, base: string): void {
  if (!Array.isArray(list) || list.length < 2) return;
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const key = canonicalJson(item);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    context.report({
      code: 'schema',
      message: `duplicate of item ${first}: items must be unique`,
      pointer: `${base}/${index}`,
    });
  });
}

/** JSON with object keys sorted, so two deep-equal values give the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
