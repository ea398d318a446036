import type { LintContext } from './lint-context.js';
import { asArray, asRecord, entriesOf } from './read-node.js';

/**
 * The published schema's `uniqueItems`, checked here in linear time (ajv compares every pair of
 * items deeply, which took seconds on a step with thousands of items), at the later copy: repeated
 * actions are `duplicate-action` errors (the text: "The list MUST NOT include duplicate success
 * actions"); repeated criteria, replacements and dependsOn entries `duplicate-item` /
 * `duplicate-depends-on` warnings (only the published schema forbids them). Parameters are
 * `duplicate-parameter` (name + in); sourceDescriptions, workflows and steps `duplicate-id`.
 */
export function checkUniqueItems(context: LintContext): void {
  const { root } = context;
  const actions = (list: unknown, base: string): void => {
    unique(context, list, base, 'duplicate-action');
    asArray(list).forEach((action, i) => {
      if (isReusable(action)) return;
      unique(context, asRecord(action)?.criteria, `${base}/${i}/criteria`, 'duplicate-item');
    });
  };
  asArray(root.workflows).forEach((raw, w) => {
    const workflow = asRecord(raw);
    const base = `/workflows/${w}`;
    unique(context, workflow?.dependsOn, `${base}/dependsOn`, 'duplicate-depends-on');
    actions(workflow?.successActions, `${base}/successActions`);
    actions(workflow?.failureActions, `${base}/failureActions`);
    asArray(workflow?.steps).forEach((rawStep, s) => {
      const step = asRecord(rawStep);
      const at = `${base}/steps/${s}`;
      unique(context, step?.successCriteria, `${at}/successCriteria`, 'duplicate-item');
      unique(context, step?.dependsOn, `${at}/dependsOn`, 'duplicate-depends-on');
      const replacements = asRecord(step?.requestBody)?.replacements;
      unique(context, replacements, `${at}/requestBody/replacements`, 'duplicate-item');
      actions(step?.onSuccess, `${at}/onSuccess`);
      actions(step?.onFailure, `${at}/onFailure`);
    });
  });
  const components = asRecord(root.components);
  for (const kind of ['successActions', 'failureActions']) {
    for (const [name, action] of entriesOf(components?.[kind])) {
      const key = name.replace(/~/g, '~0').replace(/\//g, '~1');
      unique(context, asRecord(action)?.criteria, `/components/${kind}/${key}/criteria`, 'duplicate-item');
    }
  }
}

const isReusable = (item: unknown): boolean => asRecord(item)?.reference !== undefined;

function unique(
  context: LintContext,
  list: unknown,
  base: string,
  rule: 'duplicate-action' | 'duplicate-item' | 'duplicate-depends-on',
): void {
  if (!Array.isArray(list) || list.length < 2) return;
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const key = canonicalJson(item);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      return;
    }
    const why =
      rule === 'duplicate-action'
        ? 'the list MUST NOT include duplicate actions'
        : 'the published schema wants unique items';
    context.report({
      rule,
      message: `duplicate of item ${first}: ${why}`,
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
