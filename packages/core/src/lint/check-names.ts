import { escapePointerToken } from '../document/json-pointer.js';
import type { LintContext } from './lint-context.js';
import { isPortableId, portableSpelling } from './non-portable-name.js';
import { asArray, asRecord, asString, entriesOf } from './read-node.js';

const OUTPUT_NAME = /^[a-zA-Z0-9.\-_]+$/;

/**
 * `id-not-portable` (warning): a sourceDescription name, workflowId or stepId outside
 * `[A-Za-z0-9_\-]+` (the text: "SHOULD conform to the regular expression"), with the portable
 * spelling. Expressions that name such an id still resolve (to the longest declared id that
 * matches); check-expressions warns at each of them.
 */
export function checkPortableIds(context: LintContext): void {
  const check = (id: string | undefined, what: string, pointer: string): void => {
    if (id === undefined || isPortableId(id)) return;
    context.report({
      rule: 'id-not-portable',
      message: `${what} '${id}' is outside [A-Za-z0-9_-]+ (the spec says it SHOULD conform); '${portableSpelling(id)}' is portable`,
      pointer,
    });
  };
  asArray(context.root.sourceDescriptions).forEach((source, i) => {
    check(asString(asRecord(source)?.name), 'sourceDescription name', `/sourceDescriptions/${i}/name`);
  });
  asArray(context.root.workflows).forEach((item, w) => {
    const workflow = asRecord(item);
    check(asString(workflow?.workflowId), 'workflowId', `/workflows/${w}/workflowId`);
    asArray(workflow?.steps).forEach((step, s) => {
      check(asString(asRecord(step)?.stepId), 'stepId', `/workflows/${w}/steps/${s}/stepId`);
    });
  });
}

/**
 * `output-name-invalid` (error, at the key): a key of a workflow's or step's `outputs` outside
 * `^[a-zA-Z0-9\.\-_]+$`. The text says the name MUST match; the published schema's
 * `patternProperties` lets other keys through unchecked. (Components keys are the schema's own
 * `propertyNames` check.)
 */
export function checkOutputNames(context: LintContext): void {
  const check = (outputs: unknown, base: string): void => {
    for (const [name] of entriesOf(outputs)) {
      if (OUTPUT_NAME.test(name)) continue;
      context.report({
        rule: 'output-name-invalid',
        message: `output name '${name}' must match ^[a-zA-Z0-9.\\-_]+$ (expressions read outputs by this name)`,
        pointer: `${base}/${escapePointerToken(name)}`,
        atKey: true,
      });
    }
  };
  asArray(context.root.workflows).forEach((item, w) => {
    const workflow = asRecord(item);
    check(workflow?.outputs, `/workflows/${w}/outputs`);
    asArray(workflow?.steps).forEach((step, s) => {
      check(asRecord(step)?.outputs, `/workflows/${w}/steps/${s}/outputs`);
    });
  });
}
