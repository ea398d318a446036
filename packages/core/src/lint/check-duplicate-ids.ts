import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';

/**
 * `duplicate-id`: a sourceDescription name, a workflowId, or a stepId within its workflow that
 * appears twice (`duplicate-id`), and a parameter name+in given twice in one step's or workflow's
 * parameter list (`duplicate-parameter`), each at the second and later occurrences. Repeated ids are reported even where
 * the schema rejected the item: the schema's message does not say the id is taken.
 */
export function checkDuplicateIds(context: LintContext): void {
  const { root } = context;
  findDuplicates(context, root.sourceDescriptions, '/sourceDescriptions', 'name', 'sourceDescription name');
  findDuplicates(context, root.workflows, '/workflows', 'workflowId', 'workflowId');
  asArray(root.workflows).forEach((workflow, w) => {
    const steps = asRecord(workflow)?.steps;
    findDuplicates(context, steps, `/workflows/${w}/steps`, 'stepId', 'stepId');
    findDuplicateParameters(context, asRecord(workflow)?.parameters, `/workflows/${w}/parameters`);
    asArray(steps).forEach((step, s) => {
      findDuplicateParameters(context, asRecord(step)?.parameters, `/workflows/${w}/steps/${s}/parameters`);
    });
  });
}

function findDuplicates(context: LintContext, list: unknown, base: string, key: string, what: string): void {
  const seen = new Map<string, number>();
  asArray(list).forEach((item, index) => {
    const id = asString(asRecord(item)?.[key]);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return;
    }
    context.report({
      rule: 'duplicate-id',
      message: `${what} '${id}' is already used at ${base}/${first}`,
      pointer: `${base}/${index}/${key}`,
      despiteSchema: true,
    });
  });
}

function findDuplicateParameters(context: LintContext, list: unknown, base: string): void {
  const seen = new Map<string, number>();
  asArray(list).forEach((item, index) => {
    const parameter = asRecord(item);
    const name = asString(parameter?.name);
    if (name === undefined) return;
    const location = asString(parameter?.in);
    const id = `${location === 'header' ? name.toLowerCase() : name}\u0000${location ?? ''}`;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return;
    }
    const where = location === undefined ? '' : ` in ${location}`;
    context.report({
      rule: 'duplicate-parameter',
      message: `parameter '${name}'${where} is already given at ${base}/${first}; the list MUST NOT include duplicate parameters`,
      pointer: `${base}/${index}/name`,
    });
  });
}
