/**
 * `engine.load`: resolve the document and its sources, lint it (a document with error diagnostics
 * is refused), then compile the plan: every expression parsed and every criterion compiled once.
 */
import type { CriterionRegistry } from '../criteria/registry.js';
import { TelaioError } from '../errors.js';
import type { SeverityOverrides } from '../lint/apply-severity.js';
import { lintDocument } from '../lint/lint-document.js';
import { resolveDocument } from '../sources/resolve-document.js';
import type { SourceLoader } from '../sources/types.js';
import type { LoadTarget, WorkflowDocument } from './engine-types.js';
import { compileDocumentPlan } from './plan/compile-document-plan.js';
import { attachPlan } from './plan/document-plans.js';

/** Load, lint and compile one document. Throws TelaioError `document-invalid` with `details.diagnostics`. */
export async function loadDocument(options: {
  target: LoadTarget;
  registry: CriterionRegistry;
  loader?: SourceLoader;
  cache?: boolean | { readonly dir: string };
  refuseInvalid?: boolean;
  severity?: SeverityOverrides;
}): Promise<WorkflowDocument> {
  const { target, registry } = options;
  const uri = typeof target === 'string' ? target : target.uri;
  const resolved = await resolveDocument(uri, {
    ...(options.loader === undefined ? {} : { loader: options.loader }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(typeof target === 'string' ? {} : { text: target.text }),
  });
  const diagnostics = lintDocument(resolved, {
    criteria: registry,
    ...(options.severity === undefined ? {} : { severity: options.severity }),
  });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (resolved.file === undefined || (errors.length > 0 && options.refuseInvalid !== false)) {
    const first = errors[0];
    const where =
      first === undefined
        ? ''
        : `: ${first.code} at ${first.range.start.line}:${first.range.start.column} ${first.message}`;
    throw new TelaioError('document-invalid', `${uri} has ${errors.length} error(s)${where}`, {
      details: { diagnostics },
    });
  }
  const plan = compileDocumentPlan({ resolved, registry });
  const document: WorkflowDocument = {
    uri: resolved.file.uri,
    document: resolved.file.document,
    diagnostics: diagnostics.filter((d) => d.severity !== 'error'),
    workflows: resolved.file.document.workflows.map((w) => ({
      workflowId: w.workflowId,
      ...(w.summary === undefined ? {} : { summary: w.summary }),
      ...(w.inputs === undefined ? {} : { inputs: w.inputs }),
      stepIds: w.steps.map((s) => s.stepId),
    })),
    sources: resolved.sources,
  };
  attachPlan({ document, plan });
  return document;
}
