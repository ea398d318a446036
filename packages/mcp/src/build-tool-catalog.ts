import type { WorkflowDocument } from '@telaio/core';
import { buildInputSchema } from './build-input-schema.js';
import { buildOutputSchema } from './build-output-schema.js';
import { nameTools } from './name-tools.js';
import type { PersonInputPlugin, WorkflowTool } from './types.js';

/** Options of {@link buildToolCatalog}. */
export interface ToolCatalogOptions {
  /** Documents loaded (and validated) once, in the order given. */
  readonly documents: readonly WorkflowDocument[];
  /** Plugins that mark inputs as the person's (first claim wins). */
  readonly plugins?: readonly PersonInputPlugin[];
  /** Whether values under `name` are secret-looking (their outputs are typed loosely: they arrive masked). */
  readonly isSecretName?: (name: string) => boolean;
  /** True when output `name` of `workflowId` is shown unmasked. */
  readonly revealOutput?: (workflowId: string, name: string) => boolean;
}

/**
 * One tool per workflow of every document: a unique valid name, a description from the workflow's
 * summary and description (naming the inputs the person will be asked for), the input schema
 * without those inputs, and the structured result's schema.
 */
export function buildToolCatalog(options: ToolCatalogOptions): WorkflowTool[] {
  const entries = options.documents.flatMap((document) =>
    document.document.workflows.map((workflow) => ({ document, workflow })),
  );
  const names = nameTools(entries.map((e) => ({ workflowId: e.workflow.workflowId, uri: e.document.uri })));
  return entries.map(({ document, workflow }, index) => {
    const all = buildInputSchema({ document: document.document, workflow });
    const personInputs = new Map<string, string>();
    for (const [name, schema] of Object.entries(all.declared.properties)) {
      for (const plugin of options.plugins ?? []) {
        const reason = plugin.claim({ document, workflow, name, schema });
        if (reason !== undefined) {
          personInputs.set(name, reason);
          break;
        }
      }
    }
    const { inputSchema } = buildInputSchema({
      document: document.document,
      workflow,
      omit: new Set(personInputs.keys()),
    });
    const summary = workflow.summary ?? document.document.info.title;
    const asked = [...personInputs].map(([name, why]) => `${name} (${why})`);
    const description = [
      workflow.summary,
      workflow.description,
      asked.length === 0
        ? undefined
        : `The person is asked for ${asked.join(', ')} while the workflow runs; do not supply ${asked.length === 1 ? 'it' : 'them'}.`,
    ]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .map((part) => part.trim())
      .join('\n\n');
    return {
      name: names[index] ?? workflow.workflowId,
      ...(summary === undefined ? {} : { title: summary }),
      description: description === '' ? `Runs the Arazzo workflow ${workflow.workflowId}.` : description,
      inputSchema,
      outputSchema: buildOutputSchema({
        document,
        workflow,
        isSecretName: options.isSecretName ?? (() => false),
        revealOutput: options.revealOutput ?? (() => false),
      }),
      document,
      workflowId: workflow.workflowId,
      personInputs,
      stepCount: workflow.steps.length,
    };
  });
}
