import { didYouMean } from './closest-name.js';
import type { LintContext } from './lint-context.js';
import { asArray, asRecord, asString } from './read-node.js';

/** What a workflowId reference resolves to. */
export type WorkflowLookup =
  | { readonly kind: 'local'; readonly index: number; readonly workflow: Readonly<Record<string, unknown>> }
  | {
      readonly kind: 'external';
      readonly source: string;
      readonly workflow: Readonly<Record<string, unknown>>;
    }
  /** Names a workflow of an Arazzo source that could not be loaded: nothing to check. */
  | { readonly kind: 'skipped' }
  | {
      readonly kind: 'unknown';
      readonly rule: 'workflow-unknown' | 'workflow-in-openapi-source';
      readonly message: string;
    };

const QUALIFIED = /^\$sourceDescriptions\.([^.]+)\.(.+)$/s;

/** Resolve `wfId` (this document) or `$sourceDescriptions.name.wfId` (an Arazzo source). */
export function findWorkflow(context: LintContext, ref: string): WorkflowLookup {
  const qualified = QUALIFIED.exec(ref);
  if (qualified === null) {
    const workflows = asArray(context.root.workflows);
    const index = workflows.findIndex((w) => asString(asRecord(w)?.workflowId) === ref);
    if (index >= 0) return { kind: 'local', index, workflow: asRecord(workflows[index])! };
    const ids = workflows.flatMap((w) => asString(asRecord(w)?.workflowId) ?? []);
    return {
      kind: 'unknown',
      rule: 'workflow-unknown',
      message: `workflowId '${ref}' names no workflow of this document${didYouMean(ref, ids)}`,
    };
  }
  const [, name, id] = qualified as unknown as [string, string, string];
  const source = context.sources.find((s) => s.description.name === name);
  if (source === undefined) {
    const names = context.sources.map((s) => s.description.name);
    return {
      kind: 'unknown',
      rule: 'workflow-unknown',
      message: `'${ref}' names sourceDescription '${name}', which is not declared${didYouMean(name, names)}`,
    };
  }
  if (source.kind === 'unresolved') return { kind: 'skipped' };
  if (source.kind !== 'arazzo')
    return {
      kind: 'unknown',
      rule: 'workflow-in-openapi-source',
      message: `'${ref}' names '${name}', a source of type ${source.kind}: workflows live in sources of type arazzo`,
    };
  const workflows = asArray(asRecord(source.file.document)?.workflows);
  const found = workflows.map(asRecord).find((w) => asString(w?.workflowId) === id);
  if (found !== undefined) return { kind: 'external', source: name, workflow: found };
  const ids = workflows.flatMap((w) => asString(asRecord(w)?.workflowId) ?? []);
  return {
    kind: 'unknown',
    rule: 'workflow-unknown',
    message: `workflowId '${id}' names no workflow of source '${name}'${didYouMean(id, ids)}`,
  };
}
