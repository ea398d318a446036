/**
 * `engine.load`: resolve the document and its sources, lint it (a document with error diagnostics
 * is refused), then compile the plan: every expression parsed and every criterion compiled once.
 * Loaded for one workflow (`select`), only the errors that workflow reaches refuse the document and
 * only what it reaches is compiled; the other errors are kept as `unaffected`.
 * With a lint cache (EngineOptions.lintCache) the findings of an unchanged document are read back
 * instead: lint's code is imported only on a miss, so a cold run of a linted document never
 * compiles it.
 */
import type { CriterionRegistry } from '../criteria/registry.js';
import { TelaioError } from '../errors.js';
import type { SeverityOverrides } from '../lint/apply-severity.js';
import type { Diagnostic } from '../lint/diagnostic.js';
import { type LintResultCache, lintCacheKey } from '../lint/lint-result-cache.js';
import { partitionByReach } from '../lint/partition-by-reach.js';
import { reachOfWorkflow, type WorkflowReach } from '../lint/reach-of-workflow.js';
import { resolveDocument, schemaChecker } from '../sources/resolve-document.js';
import type { ResolvedDocument, SourceLoader } from '../sources/types.js';
import type { LoadOptions, LoadTarget, WorkflowDocument } from './engine-types.js';
import { compileDocumentPlan } from './plan/compile-document-plan.js';
import { attachPlan } from './plan/document-plans.js';

/** Load, lint and compile one document. Throws TelaioError `document-invalid` with `details.diagnostics`. */
export async function loadDocument(options: {
  target: LoadTarget;
  registry: CriterionRegistry;
  loader?: SourceLoader;
  cache?: boolean | { readonly dir: string };
  documents?: readonly string[];
  refuseInvalid?: boolean;
  severity?: SeverityOverrides;
  select?: LoadOptions;
  /** Lint findings kept between processes; only given for a registry of the standard criterion types. */
  lintCache?: LintResultCache;
}): Promise<WorkflowDocument> {
  const { target, registry } = options;
  const uri = typeof target === 'string' ? target : target.uri;
  // With a lint cache the schema check waits for a miss: a hit holds its findings already.
  const cacheable = typeof target === 'string' && options.lintCache !== undefined;
  const resolved = await resolveDocument(uri, {
    ...(cacheable ? { checkSchema: false } : {}),
    ...(options.loader === undefined ? {} : { loader: options.loader }),
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(options.documents === undefined ? {} : { documents: options.documents }),
    ...(typeof target === 'string' ? {} : { text: target.text }),
  });
  const all = await lintOnce({ ...options, resolved, cacheable });
  const selection = options.select === undefined ? undefined : selectWorkflow(resolved, options.select, all);
  const diagnostics = selection?.affecting ?? all;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (resolved.file === undefined || (errors.length > 0 && options.refuseInvalid !== false)) {
    const first = errors[0];
    const where =
      first === undefined
        ? ''
        : `: ${first.code} at ${first.range.start.line}:${first.range.start.column} ${first.message}`;
    throw new TelaioError('document-invalid', `${uri} has ${errors.length} error(s)${where}`, {
      details: { diagnostics, ...(selection === undefined ? {} : { unaffected: selection.unaffected }) },
    });
  }
  const plan = compileDocumentPlan({
    resolved,
    registry,
    ...(selection === undefined ? {} : { only: selection.reach }),
  });
  const document: WorkflowDocument = {
    uri: resolved.file.uri,
    document: resolved.file.document,
    diagnostics: all.filter((d) => d.severity !== 'error'),
    workflows: resolved.file.document.workflows.map((w) => ({
      workflowId: w.workflowId,
      ...(w.summary === undefined ? {} : { summary: w.summary }),
      ...(w.inputs === undefined ? {} : { inputs: w.inputs }),
      stepIds: w.steps.map((s) => s.stepId),
    })),
    sources: resolved.sources,
    ...(selection === undefined
      ? {}
      : { selectedWorkflowId: selection.workflowId, unaffected: selection.unaffected }),
  };
  attachPlan({ document, plan });
  return document;
}

/**
 * lintDocument's findings, from the lint cache when it has them for this document (only for a
 * document read from its URI, not text handed in), else linted (and stored). A `cacheable` document
 * was resolved without its schema check (ResolveDocumentOptions.checkSchema): on a miss its findings
 * are put first, where resolveDocument puts them.
 */
async function lintOnce(options: {
  resolved: ResolvedDocument;
  registry: CriterionRegistry;
  severity?: SeverityOverrides;
  documents?: readonly string[];
  lintCache?: LintResultCache;
  cacheable: boolean;
}): Promise<Diagnostic[]> {
  const { resolved, registry, severity, lintCache } = options;
  const file = resolved.file;
  // `cacheable` implies a lint cache (loadDocument); an unreadable document has nothing to key.
  const entry =
    !options.cacheable || lintCache === undefined || file === undefined
      ? undefined
      : {
          cache: lintCache,
          uri: file.uri,
          key: lintCacheKey({
            uri: file.uri,
            severity,
            criterionTypes: registry.types(),
            documents: options.documents ?? [],
          }),
        };
  const cached = await entry?.cache.read({ key: entry.key, uri: entry.uri });
  if (cached !== undefined) return [...cached];
  const { lintDocument } = await import('../lint/lint-document.js');
  const checked =
    options.cacheable && file !== undefined
      ? { ...resolved, diagnostics: [...(await schemaChecker())(file), ...resolved.diagnostics] }
      : resolved;
  const all = lintDocument(checked, {
    criteria: registry,
    ...(severity === undefined ? {} : { severity }),
  });
  await entry?.cache.write({ key: entry.key, uri: entry.uri, diagnostics: all });
  return all;
}

/**
 * The chosen workflow (LoadOptions.workflowId, else the only one) with its reach, the diagnostics
 * that affect it and the errors that do not; undefined when there is no such workflow (then the
 * whole document counts, as without a selection).
 */
function selectWorkflow(
  resolved: ResolvedDocument,
  select: LoadOptions,
  diagnostics: readonly Diagnostic[],
):
  | { workflowId: string; reach: WorkflowReach; affecting: Diagnostic[]; unaffected: Diagnostic[] }
  | undefined {
  const document = resolved.file?.document;
  const workflows = Array.isArray(document?.workflows) ? document.workflows : [];
  const workflowId = select.workflowId ?? (workflows.length === 1 ? workflows[0]?.workflowId : undefined);
  if (
    document === undefined ||
    workflowId === undefined ||
    !workflows.some((w) => w.workflowId === workflowId)
  )
    return undefined;
  const reach = reachOfWorkflow({ document, workflowId, sources: resolved.sources });
  const { affecting, outside } = partitionByReach({ diagnostics, uri: resolved.file?.uri ?? '', reach });
  return { workflowId, reach, affecting, unaffected: outside.filter((d) => d.severity === 'error') };
}
