import { type DeclaredInputsView, readDeclaredInputs, type Workflow } from '@telaio/core';
import { inlineLocalRefs } from './inline-local-refs.js';

/** A workflow's inputs as the agent sees them, and as read for the person-input plugins. */
export interface ToolInputs {
  /** The declared inputs (`$ref`s resolved at the top, as core reads them). */
  readonly declared: DeclaredInputsView;
  /** The tool's `inputSchema`: an object schema standing alone, the person's inputs left out. */
  readonly inputSchema: Record<string, unknown>;
}

/**
 * The `inputSchema` of a workflow's tool: core's reading of the workflow's `inputs` (local `$ref`s
 * followed, `allOf` merged), every property's schema with its own `$ref`s inlined, without the
 * inputs given by the person (`omit`). A schema too open to list (anyOf, patternProperties...)
 * admits other names too.
 */
export function buildInputSchema(options: {
  readonly document: unknown;
  readonly workflow: Workflow;
  readonly omit?: ReadonlySet<string>;
}): ToolInputs {
  const declared = readDeclaredInputs({ document: options.document, workflow: options.workflow });
  const omit = options.omit ?? new Set<string>();
  const properties: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(declared.properties)) {
    if (!omit.has(name)) properties[name] = inlineLocalRefs(schema, options.document);
  }
  const required = declared.required.filter((name) => !omit.has(name) && name in properties);
  return {
    declared,
    inputSchema: {
      type: 'object',
      properties,
      ...(required.length > 0 ? { required } : {}),
      ...(declared.complete ? { additionalProperties: false } : {}),
    },
  };
}
