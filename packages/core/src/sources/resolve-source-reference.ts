/**
 * What `$sourceDescriptions.<name>.<reference>` names, in the order Arazzo 1.1.0 §Source Description
 * Expression Resolution gives: first an operationId (OpenAPI and AsyncAPI sources) or a workflowId
 * (Arazzo sources) equal to `<reference>`, and only when there is none a field of the Source
 * Description Object (`url`, `type`, ...). "If an operationId happens to conflict with a field
 * name (e.g., an operation with operationId: url), the operationId takes precedence."
 */
import { setOwn } from '../document/set-own.js';
import type { MessageOperationInfo, OperationInfo, ResolvedSource } from './types.js';

/** What a source description reference resolves to. */
export type SourceReference =
  | { readonly kind: 'operation'; readonly operation: OperationInfo | MessageOperationInfo }
  | { readonly kind: 'workflow'; readonly workflowId: string }
  | { readonly kind: 'field'; readonly value: unknown }
  | { readonly kind: 'none' };

/**
 * Resolve `reference` in `source` (its resolution; undefined or unresolved: fields only) and
 * `description` (the Source Description Object as written).
 */
export function resolveSourceReference(options: {
  source: ResolvedSource | undefined;
  description: Readonly<Record<string, unknown>>;
  reference: string;
}): SourceReference {
  const { source, description, reference } = options;
  if (source?.kind === 'openapi' || source?.kind === 'asyncapi') {
    const operations: readonly (OperationInfo | MessageOperationInfo)[] = source.operations;
    const operation = operations.find((op) => op.operationId === reference);
    if (operation !== undefined) return { kind: 'operation', operation };
  }
  if (source?.kind === 'arazzo') {
    const workflows = (source.file.document as { workflows?: unknown }).workflows;
    if (
      Array.isArray(workflows) &&
      workflows.some((w) => (w as { workflowId?: unknown })?.workflowId === reference)
    )
      return { kind: 'workflow', workflowId: reference };
  }
  if (Object.hasOwn(description, reference)) return { kind: 'field', value: description[reference] };
  return { kind: 'none' };
}

/**
 * The runtime value of every operationId / workflowId reference of a source (1.1 documents): an
 * object naming what was found (`operationId`, its `operationPath` into the source, its method and
 * path or AsyncAPI action; or `workflowId`), keyed by the reference, to overlay the description's
 * fields with.
 */
export function sourceReferenceValues(source: ResolvedSource): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const url = source.description.url;
  if (source.kind === 'openapi' || source.kind === 'asyncapi') {
    const operations: readonly (OperationInfo | MessageOperationInfo)[] = source.operations;
    for (const op of operations) {
      if (op.operationId === undefined || Object.hasOwn(out, op.operationId)) continue;
      const where =
        'method' in op ? { method: op.method.toUpperCase(), path: op.path } : { action: op.action };
      setOwn(out, op.operationId, {
        operationId: op.operationId,
        operationPath: `${url}#${op.pointer}`,
        ...where,
      });
    }
  }
  if (source.kind === 'arazzo') {
    const workflows = (source.file.document as { workflows?: unknown }).workflows;
    for (const w of Array.isArray(workflows) ? workflows : []) {
      const id = (w as { workflowId?: unknown })?.workflowId;
      if (typeof id === 'string' && !Object.hasOwn(out, id)) setOwn(out, id, { workflowId: id });
    }
  }
  return out;
}
