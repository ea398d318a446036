import { splitFragment } from '../document/json-pointer.js';
import type { OperationInfo, ResolvedSource } from '../sources/types.js';
import { didYouMean } from './closest-name.js';
import type { LintContext } from './lint-context.js';
import { asRecord, asString } from './read-node.js';

/** What a step's operationId/operationPath resolves to, for the operation and parameter rules. */
export type OperationLookup =
  | { readonly kind: 'found'; readonly operation: OperationInfo }
  | {
      readonly kind: 'unknown' | 'ambiguous';
      readonly rule: 'operation-unknown' | 'operation-ambiguous' | 'operation-in-arazzo-source';
      readonly message: string;
      readonly field: 'operationId' | 'operationPath';
    }
  /**
   * Not an OpenAPI operation step (an AsyncAPI one is judged by lint/v11), or its source could not be
   * loaded (already reported as source-unresolved).
   */
  | { readonly kind: 'skipped' };

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query']);
const QUALIFIED = /^\$sourceDescriptions\.([^.]+)\.(.+)$/s;
const OPERATION_PATH = /^\{\$sourceDescriptions\.([^.}]+)\.url\}(#.*)$/s;

/** Resolve the operation a step names, explaining in words when it names none or several. */
export function findStepOperation(context: LintContext, step: unknown): OperationLookup {
  const node = asRecord(step);
  const operationId = asString(node?.operationId);
  if (operationId !== undefined) return byOperationId(context, operationId);
  const operationPath = asString(node?.operationPath);
  if (operationPath !== undefined) return byOperationPath(context, operationPath);
  return { kind: 'skipped' };
}

function byOperationId(context: LintContext, ref: string): OperationLookup {
  const qualified = QUALIFIED.exec(ref);
  const candidates =
    qualified === null ? context.sources : context.sources.filter((s) => s.description.name === qualified[1]);
  const unknown = (message: string, rule = 'operation-unknown' as const): OperationLookup => ({
    kind: 'unknown',
    rule,
    message,
    field: 'operationId',
  });
  if (qualified !== null && candidates.length === 0) {
    return unknown(
      `operationId '${ref}' names sourceDescription '${qualified[1]}', which is not declared${didYouMean(qualified[1]!, sourceNames(context))}`,
    );
  }
  if (candidates.some((s) => s.kind === 'unresolved')) return { kind: 'skipped' };
  const matches = safe(() => context.resolved.index.byOperationId(ref)) ?? [];
  if (matches.length === 1) return { kind: 'found', operation: matches[0]! };
  // An AsyncAPI operation (Arazzo 1.1): lint/v11/check-message-steps.ts judges the step.
  const messages = safe(() => context.resolved.index.messageOperationsById(ref)) ?? [];
  if (matches.length === 0 && messages.length > 0) return { kind: 'skipped' };
  if (qualified === null && matches.length > 0 && messages.length > 0) {
    const names = [...new Set([...matches, ...messages].map((m) => m.sourceName))];
    return {
      kind: 'ambiguous',
      rule: 'operation-ambiguous',
      field: 'operationId',
      message: `operationId '${ref}' exists in an OpenAPI and an AsyncAPI source (${names.join(', ')}); write ${names.map((n) => `'$sourceDescriptions.${n}.${ref}'`).join(' or ')}`,
    };
  }
  const openapi = candidates.filter((s) => s.kind === 'openapi' || s.kind === 'asyncapi');
  if (matches.length > 1) {
    const names = [...new Set(matches.map((m) => m.sourceName))];
    if (names.length > 1) {
      const options = names.map((n) => `'$sourceDescriptions.${n}.${ref}'`).join(' or ');
      return {
        kind: 'ambiguous',
        rule: 'operation-ambiguous',
        field: 'operationId',
        message: `operationId '${ref}' exists in ${names.length} sources (${names.join(', ')}); write ${options}`,
      };
    }
    return { kind: 'found', operation: matches[0]! };
  }
  const bare = qualified === null ? ref : qualified[2]!;
  const arazzo = candidates.filter((s) => s.kind === 'arazzo').map((s) => s.description.name);
  if (openapi.length === 0 && arazzo.length > 0)
    return {
      kind: 'unknown',
      rule: 'operation-in-arazzo-source',
      field: 'operationId',
      message: `operationId '${ref}' can only resolve against ${arazzo.map((n) => `'${n}'`).join(', ')}, of type arazzo, which hold workflows, not operations (use workflowId: '$sourceDescriptions.${arazzo[0]}.<workflowId>')`,
    };
  const searched = openapi.map((s) => s.description.name);
  const where =
    searched.length === 0 ? 'no OpenAPI or AsyncAPI source is declared' : `searched ${searched.join(', ')}`;
  const ids = openapi.flatMap((s) =>
    s.kind === 'openapi' || s.kind === 'asyncapi'
      ? s.operations.flatMap((o) => (o.operationId === undefined ? [] : [o.operationId]))
      : [],
  );
  return unknown(`operationId '${ref}' matches no operation (${where})${didYouMean(bare, ids)}`);
}

function byOperationPath(context: LintContext, ref: string): OperationLookup {
  const unknown = (message: string, rule = 'operation-unknown' as const): OperationLookup => ({
    kind: 'unknown',
    rule,
    message,
    field: 'operationPath',
  });
  const match = OPERATION_PATH.exec(ref);
  if (match === null) {
    return unknown(
      `operationPath '${ref}' is not of the form '{$sourceDescriptions.<name>.url}#/paths/<escaped path>/<method>'`,
    );
  }
  const [, name, fragment] = match as unknown as [string, string, string];
  const tokens = splitFragment(fragment) ?? [];
  const source = context.sources.find((s) => s.description.name === name);
  if (source?.kind === 'asyncapi') return { kind: 'skipped' };
  const operations = source?.kind === 'openapi' ? source.operations : [];
  if (tokens[0] === 'paths' && tokens.length === 2) {
    const methods = operations.filter((o) => o.path === tokens[1]).map((o) => o.method);
    const hint = methods.length > 0 ? `: one of ${methods.join(', ')}` : " (e.g. '/get')";
    return unknown(
      `operationPath '${ref}' points at a path item, not an operation: it lacks the HTTP method${hint}`,
    );
  }
  // OpenAPI 3.2: `#/paths/<path>/additionalOperations/<METHOD>` names an operation too.
  const additional = tokens.length === 4 && tokens[2] === 'additionalOperations';
  if (tokens[0] !== 'paths' || (!additional && (tokens.length !== 3 || !METHODS.has(tokens[2]!)))) {
    return unknown(
      `operationPath '${ref}' must point at '#/paths/<escaped path>/<method>' with a lower-case HTTP method`,
    );
  }
  if (source === undefined) {
    return unknown(
      `operationPath '${ref}' names sourceDescription '${name}', which is not declared${didYouMean(name, sourceNames(context))}`,
    );
  }
  if (source.kind === 'unresolved') return { kind: 'skipped' };
  if (source.kind !== 'openapi')
    return {
      kind: 'unknown',
      rule: 'operation-in-arazzo-source',
      field: 'operationPath',
      message: `operationPath '${ref}' names '${name}', a source of type arazzo, which holds workflows, not operations`,
    };
  const found = safe(() => context.resolved.index.byOperationPath(ref));
  if (found !== undefined) return { kind: 'found', operation: found };
  const pointers = operations.map((o) => o.pointer);
  return unknown(
    `operationPath '${ref}' matches no operation in ${name}${didYouMean(fragment.slice(1), pointers)}`,
  );
}

function sourceNames(context: LintContext): string[] {
  return context.sources.map((s: ResolvedSource) => s.description.name);
}

/** Call into another module's code without letting a bug there crash lint. */
function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
