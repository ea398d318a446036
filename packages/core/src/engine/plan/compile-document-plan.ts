/**
 * Compile a resolved Arazzo description into plans: the entry document and, recursively, every
 * Arazzo document reached through an `arazzo` sourceDescription (each with its own sources,
 * operations and components: "Components are scoped to the Arazzo document they are defined in").
 */
import type { CriterionRegistry } from '../../criteria/registry.js';
import { declaredInputs } from '../../document/declared-inputs.js';
import { setOwn } from '../../document/set-own.js';
import { parseExpression } from '../../expressions/parse-expression.js';
import { allowsSelectors } from '../../expressions/selectors/compile-selector.js';
import { createOperationIndex } from '../../sources/create-operation-index.js';
import { resolvedSelf } from '../../sources/document-base-uri.js';
import { sourceReferenceValues } from '../../sources/resolve-source-reference.js';
import type { ResolvedDocument } from '../../sources/types.js';
import type { StepScope } from './compile-step-plan.js';
import { compileWorkflowPlan } from './compile-workflow-plan.js';
import { createDocumentAjv } from './create-input-validator.js';
import { planError } from './plan-error.js';
import type { DocumentPlan, WorkflowRef } from './plan-types.js';

const selfOf = (uri: string, self: unknown): { self?: string } => {
  const resolved = resolvedSelf({ uri, self });
  return resolved === undefined ? {} : { self: resolved };
};

/**
 * `$sourceDescriptions` of a document: each source's fields; in 1.1 documents overlaid with its
 * operationIds / workflowIds, which take precedence (1.1.0 §Source Description Expression Resolution).
 */
function sourceDescriptionsOf(resolved: ResolvedDocument): DocumentPlan['sourceDescriptions'] {
  const document = resolved.file?.document;
  const ordered = allowsSelectors(document?.arazzo);
  const out: Record<string, Readonly<Record<string, unknown>>> = {};
  for (const [i, description] of (document?.sourceDescriptions ?? []).entries()) {
    const source = resolved.sources[i];
    const fields = { ...description };
    setOwn(
      out,
      description.name,
      ordered && source !== undefined ? { ...fields, ...sourceReferenceValues(source) } : fields,
    );
  }
  return out;
}

interface Shell {
  readonly plan: DocumentPlan;
  readonly resolved: ResolvedDocument;
  /** Arazzo sourceDescription name → its document's plan. */
  readonly arazzoSources: Map<string, DocumentPlan>;
}

function gather(resolved: ResolvedDocument, shells: Map<string, Shell>): Shell {
  const file = resolved.file ?? planError({ uri: '?', pointer: '', message: 'document did not load' });
  const existing = shells.get(file.uri);
  if (existing !== undefined) return existing;
  const document = file.document;
  const plan: DocumentPlan = {
    uri: file.uri,
    document,
    ...selfOf(file.uri, document.$self),
    workflows: new Map(),
    sourceDescriptions: sourceDescriptionsOf(resolved),
    components: (document.components ?? {}) as DocumentPlan['components'],
  };
  const shell: Shell = { plan, resolved, arazzoSources: new Map() };
  shells.set(file.uri, shell);
  for (const source of resolved.sources) {
    if (source.kind !== 'arazzo') continue;
    const nested: ResolvedDocument = {
      file: source.file,
      sources: source.sources,
      index: createOperationIndex(source.sources),
      diagnostics: [],
    };
    shell.arazzoSources.set(source.description.name, gather(nested, shells).plan);
  }
  return shell;
}

function scopeOf(shell: Shell, registry: CriterionRegistry): StepScope {
  const { plan } = shell;
  return {
    document: plan.document,
    uri: plan.uri,
    registry,
    index: shell.resolved.index,
    sources: plan.document.sourceDescriptions,
    resolvedSources: shell.resolved.sources,
    declaredInputs: (ref) =>
      declaredInputs({
        document: ref.doc.document,
        workflow: ref.doc.document.workflows.find((w) => w.workflowId === ref.workflowId),
      }),
    resolveWorkflow(workflowId, pointer): WorkflowRef {
      let ref: WorkflowRef | undefined;
      if (workflowId.startsWith('$')) {
        const parsed = parseExpression(workflowId);
        if (parsed.ok && parsed.value.kind === 'sourceDescriptions' && parsed.value.property !== undefined) {
          const doc = shell.arazzoSources.get(parsed.value.name);
          if (
            doc?.document.workflows.some(
              (w) => w.workflowId === (parsed.value as { property: string }).property,
            )
          )
            ref = { doc, workflowId: parsed.value.property };
        }
      } else if (plan.document.workflows.some((w) => w.workflowId === workflowId))
        ref = { doc: plan, workflowId };
      return ref ?? planError({ uri: plan.uri, pointer, message: `no workflow '${workflowId}'` });
    },
  };
}

/**
 * Compile the entry document's plan (and those of the Arazzo documents it references). With `only`,
 * just the entry workflows it names and the nested documents among its files.
 */
export function compileDocumentPlan(options: {
  resolved: ResolvedDocument;
  registry: CriterionRegistry;
  only?: { readonly workflowIds: ReadonlySet<string>; readonly files: ReadonlySet<string> };
}): DocumentPlan {
  const shells = new Map<string, Shell>();
  const entry = gather(options.resolved, shells);
  const { only } = options;
  for (const shell of shells.values()) {
    if (only !== undefined && shell !== entry && !only.files.has(shell.plan.uri)) continue;
    const scope = scopeOf(shell, options.registry);
    const ajv = createDocumentAjv({ document: shell.plan.document });
    shell.plan.document.workflows.forEach((workflow, index) => {
      if (only !== undefined && shell === entry && !only.workflowIds.has(workflow.workflowId)) return;
      shell.plan.workflows.set(
        workflow.workflowId,
        compileWorkflowPlan({ workflow, index, doc: shell.plan, ajv, scope }),
      );
    });
  }
  return entry.plan;
}
