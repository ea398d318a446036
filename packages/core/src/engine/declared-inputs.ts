/** The input names a workflow declares (`inputs.properties`, following one local `$ref`). */
import type { WorkflowRef } from './plan-types.js';

const at = (root: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, token) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined,
      root,
    );

/** Declared input names of the referenced workflow, or undefined when it declares no properties. */
export function declaredInputs(ref: WorkflowRef): ReadonlySet<string> | undefined {
  const workflow = ref.doc.document.workflows.find((w) => w.workflowId === ref.workflowId);
  let schema: unknown = workflow?.inputs;
  for (let hops = 0; hops < 8 && schema !== null && typeof schema === 'object'; hops++) {
    const record = schema as Record<string, unknown>;
    if (record.properties !== null && typeof record.properties === 'object')
      return new Set(Object.keys(record.properties));
    if (typeof record.$ref !== 'string' || !record.$ref.startsWith('#')) break;
    schema = at(ref.doc.document, record.$ref.slice(1));
  }
  return undefined;
}
