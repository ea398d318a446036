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
  const { workflows, common, byId } = documentNames(options.document);
  const here = options.workflow === undefined ? undefined : workflows[options.workflow];
  if (here === undefined) return common;
  const steps = asArray(here.steps);
  const step = options.step === undefined ? undefined : asRecord(steps[options.step]);
  const calledId = asString(step?.workflowId);
  const localId = calledId === undefined ? undefined : (QUALIFIED.exec(calledId)?.[1] ?? calledId);
  const called = localId === undefined ? undefined : byId.get(localId);
  return {
    ...common,
    steps: ids(steps, 'stepId'),
    inputs: Object.keys(readDeclaredInputs({ document: options.document, workflow: here }).properties),
    outputs: Object.keys(asRecord((called ?? here).outputs) ?? {}),
  };
}

const ids = (list: readonly unknown[], key: string): string[] =>
  list.flatMap((item) => asString(asRecord(item)?.[key]) ?? []);

/** What every scope of one document shares, computed once per document (not once per step). */
interface DocumentNames {
  readonly workflows: readonly (Record<string, unknown> | undefined)[];
  readonly common: DeclaredNames;
  /** The first workflow of each workflowId. */
  readonly byId: ReadonlyMap<string, Record<string, unknown> | undefined>;
}

const DOCUMENT_NAMES = new WeakMap<object, DocumentNames>();

function documentNames(document: unknown): DocumentNames {
  const root = asRecord(document);
  const cached = root === undefined ? undefined : DOCUMENT_NAMES.get(root);
  if (cached !== undefined) return cached;
  const workflows = asArray(root?.workflows).map(asRecord);
  const byId = new Map<string, Record<string, unknown> | undefined>();
  for (const w of workflows) {
    const id = asString(w?.workflowId);
    if (id !== undefined && !byId.has(id)) byId.set(id, w);
  }
  const names: DocumentNames = {
    workflows,
    common: {
      workflows: ids(workflows, 'workflowId'),
      sources: ids(asArray(root?.sourceDescriptions), 'name'),
    },
    byId,
  };
  if (root !== undefined) DOCUMENT_NAMES.set(root, names);
  return names;
}
