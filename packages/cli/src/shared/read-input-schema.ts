import type { ArazzoDocument } from '@telaio/core';

/** A workflow's declared inputs: each property's schema, and which are required. */
export interface InputSchemaView {
  readonly properties: Readonly<Record<string, Record<string, unknown>>>;
  readonly required: readonly string[];
}

/**
 * Reads the top level of a workflow's `inputs` schema (following local `$ref`s such as
 * `#/components/inputs/x`, and merging `allOf` parts) for listing, prompting and type hints.
 */
export function readInputSchema(document: ArazzoDocument, workflowId: string): InputSchemaView {
  const workflow = document.workflows.find((w) => w.workflowId === workflowId);
  const properties: Record<string, Record<string, unknown>> = {};
  const required = new Set<string>();
  const visit = (schema: unknown, hops: number): void => {
    if (schema === null || typeof schema !== 'object' || hops > 16) return;
    const s = schema as Record<string, unknown>;
    if (typeof s.$ref === 'string') visit(follow(document, s.$ref), hops + 1);
    if (Array.isArray(s.allOf)) for (const part of s.allOf) visit(part, hops + 1);
    if (s.properties !== null && typeof s.properties === 'object') {
      for (const [name, child] of Object.entries(s.properties as Record<string, unknown>)) {
        let resolved = child;
        for (
          let i = 0;
          i < 16 &&
          resolved !== null &&
          typeof resolved === 'object' &&
          typeof (resolved as { $ref?: unknown }).$ref === 'string';
          i++
        ) {
          resolved = follow(document, (resolved as { $ref: string }).$ref);
        }
        properties[name] = (resolved !== null && typeof resolved === 'object' ? resolved : {}) as Record<
          string,
          unknown
        >;
      }
    }
    if (Array.isArray(s.required))
      for (const name of s.required) if (typeof name === 'string') required.add(name);
  };
  visit(workflow?.inputs, 0);
  return { properties, required: [...required] };
}

function follow(document: ArazzoDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined;
  }
  return node;
}
