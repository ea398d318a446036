import { readDeclaredInputs } from '../document/declared-inputs.js';
import type { DeclaredNames } from '../expressions/declared-names.js';
import { asArray, asRecord, asString } from './read-node.js';

const QUALIFIED = /^\$sourceDescriptions\.[^.]+\.(.+)$/s;

/**
 * The names an expression may use where it stands, for the lenient parsers (DeclaredNames): the
 * enclosing workflow's inputs and stepIds, the document's workflowIds and source names, and for
 * `$outputs` the workflow's own outputs, or in a step that runs a local workflow, that workflow's.
 * `document` is the raw document root; `workflow`/`step` are indexes (undefined in components).
 */
export function declaredNamesOf(options: {
  document: unknown;
  workflow?: number | undefined;
  step?: number | undefined;
}): DeclaredNames {
  const root = asRecord(options.document);
  const workflows = asArray(root?.workflows).map(asRecord);
  const ids = (list: readonly unknown[], key: string): string[] =>
    list.flatMap((item) => asString(asRecord(item)?.[key]) ?? []);
  const common = {
    workflows: ids(workflows, 'workflowId'),
    sources: ids(asArray(root?.sourceDescriptions), 'name'),
  };
  const here = options.workflow === undefined ? undefined : workflows[options.workflow];
  if (here === undefined) return common;
  const steps = asArray(here.steps);
  const step = options.step === undefined ? undefined : asRecord(steps[options.step]);
  const calledId = asString(step?.workflowId);
  const localId = calledId === undefined ? undefined : (QUALIFIED.exec(calledId)?.[1] ?? calledId);
  const called = workflows.find((w) => localId !== undefined && asString(w?.workflowId) === localId);
  return {
    ...common,
    steps: ids(steps, 'stepId'),
    inputs: Object.keys(readDeclaredInputs({ document: options.document, workflow: here }).properties),
    outputs: Object.keys(asRecord((called ?? here).outputs) ?? {}),
  };
}
