import type { Diagnostic } from '../lint/diagnostic.js';
import { checkStepOperations } from './check-step-operations.js';
import { createOperationIndex } from './create-operation-index.js';
import { redactUrl } from './redact-url.js';
import type { ArazzoFile, ResolvedArazzoSource, ResolvedSource } from './types.js';

/** A nested Arazzo document: resolved, or unparsable with its own diagnostics. */
export type NestedArazzo =
  | ResolvedArazzoSource
  | { readonly kind: 'unparsable'; readonly uri: string; readonly diagnostics: readonly Diagnostic[] };

/**
 * The Arazzo documents reached, directly or through other Arazzo sources, from `sources` of the
 * document at `rootUri`: each once however many documents name it (the root itself and documents
 * met again through a cycle are skipped), depth first in sourceDescription order.
 */
export function nestedArazzoSources(rootUri: string, sources: readonly ResolvedSource[]): NestedArazzo[] {
  const seen = new Set([rootUri]);
  const out: NestedArazzo[] = [];
  const visit = (list: readonly ResolvedSource[]): void => {
    for (const source of list) {
      if (source.kind === 'openapi' || source.kind === 'asyncapi' || seen.has(source.uri)) continue;
      if (source.kind === 'unresolved') {
        if (source.diagnostics === undefined) continue;
        seen.add(source.uri);
        out.push({ kind: 'unparsable', uri: source.uri, diagnostics: source.diagnostics });
        continue;
      }
      seen.add(source.uri);
      out.push(source);
      visit(source.sources);
    }
  };
  visit(sources);
  return out;
}

/** Schema findings per loaded file: a nested document shared by many roots is checked once. */
const schemaFindings = new WeakMap<ArazzoFile, readonly Diagnostic[]>();

/**
 * What resolving found wrong inside the nested Arazzo documents of a document (`nestedList`, from
 * nestedArazzoSources): each one's yaml-syntax, schema (`validateSchema`, which resolveDocument
 * imports only when there are such documents: its schemas are tens of KB of code to compile),
 * unsupported-version and source-unresolved findings, with `file` that nested document.
 */
export function nestedDiagnostics(
  nestedList: readonly NestedArazzo[],
  validateSchema: (file: ArazzoFile) => Diagnostic[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const nested of nestedList) {
    if (nested.kind === 'unparsable') {
      out.push(...nested.diagnostics);
      continue;
    }
    let schema = schemaFindings.get(nested.file);
    if (schema === undefined) {
      schema = validateSchema(nested.file);
      schemaFindings.set(nested.file, schema);
    }
    const index = createOperationIndex(nested.sources);
    out.push(
      ...schema,
      ...sourceDiagnostics(nested.file, nested.sources),
      ...checkStepOperations({ file: nested.file, sources: nested.sources, index }),
    );
  }
  return out;
}

/**
 * One `source-unresolved` error per sourceDescription of `file` that could not be resolved, and a
 * `source-ref-unresolved` warning per file an OpenAPI or AsyncAPI source's `$ref`s name that could
 * not be loaded (an error only at a step whose operation needs it: see checkStepOperations), at
 * that sourceDescription's `url`.
 */
export function sourceDiagnostics(file: ArazzoFile, sources: readonly ResolvedSource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  sources.forEach((source, i) => {
    const pointer = `/sourceDescriptions/${i}/url`;
    const url = typeof source.description?.url === 'string' ? source.description.url : '';
    // The position table is built on the first lookup: a document whose sources all resolve never needs it.
    let at: Diagnostic['range'] | undefined;
    const range = (): Diagnostic['range'] => {
      at ??= file.positions.rangeOf(pointer);
      return at;
    };
    if (source.kind === 'unresolved') {
      out.push({
        file: file.uri,
        code: 'source-unresolved',
        rule: 'source-unresolved',
        severity: 'error',
        message: `cannot resolve source '${redactUrl(url)}': ${source.reason}`,
        range: range(),
        pointer,
      });
      return;
    }
    if (source.kind !== 'openapi' && source.kind !== 'asyncapi') return;
    for (const reason of source.problems ?? []) {
      out.push({
        file: file.uri,
        code: 'source-ref-unresolved',
        rule: 'source-ref-unresolved',
        severity: 'warning',
        message: `source '${redactUrl(url)}': ${reason}`,
        range: range(),
        pointer,
      });
    }
  });
  return out;
}
