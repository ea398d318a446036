import type { Diagnostic } from '../lint/diagnostic.js';
import { redactUrl } from './redact-url.js';
import type { ArazzoFile, OperationIndex, OperationInfo, ResolvedSource } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * What resolving can tell about the operations the steps of `file` use: Redocly Respect's
 * `operationId: sourceName.operationId` short form (it runs, with a warning naming the portable
 * `$sourceDescriptions.sourceName.operationId`), and `$ref`s an operation a step uses needs but that
 * cannot be resolved (an error at the step: it cannot be sent as described).
 */
export function checkStepOperations(options: {
  readonly file: ArazzoFile;
  readonly sources: readonly ResolvedSource[];
  readonly index: OperationIndex;
}): Diagnostic[] {
  const { file, sources, index } = options;
  const out: Diagnostic[] = [];
  const workflows = isObj(file.document) ? (file.document as { workflows?: unknown }).workflows : undefined;
  if (!Array.isArray(workflows)) return out;
  const needed = new Set<string>();
  const report = (
    pointer: string,
    code: string,
    severity: Diagnostic['severity'],
    message: string,
    rule = code,
  ) =>
    out.push({
      file: file.uri,
      code,
      rule,
      severity,
      message,
      range: file.positions.rangeOf(pointer),
      pointer,
    });
  workflows.forEach((workflow, w) => {
    const steps = isObj(workflow) ? workflow.steps : undefined;
    if (!Array.isArray(steps)) return;
    steps.forEach((step, s) => {
      if (!isObj(step)) return;
      const at = `/workflows/${w}/steps/${s}`;
      let operation: OperationInfo | undefined;
      if (typeof step.operationId === 'string') {
        const ref = step.operationId;
        const found = safe(() => index.byOperationId(ref)) ?? [];
        operation = found.length === 1 ? found[0] : undefined;
        if (operation !== undefined && isShortForm(ref, operation, sources)) {
          const portable = `$sourceDescriptions.${operation.sourceName}.${operation.operationId}`;
          report(
            `${at}/operationId`,
            'operation-id-short-form',
            'warning',
            `operationId '${ref}' is Redocly Respect's short form, which other tools do not read; write '${portable}'`,
          );
        }
      } else if (typeof step.operationPath === 'string') {
        const ref = step.operationPath;
        operation = safe(() => index.byOperationPath(ref));
      }
      const missing = operation?.unresolvedRefs ?? [];
      if (operation === undefined || missing.length === 0) return;
      for (const ref of missing) needed.add(`${operation.sourceName}\u0000${ref}`);
      const field = typeof step.operationId === 'string' ? 'operationId' : 'operationPath';
      const name = operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;
      report(
        `${at}/${field}`,
        'source-unresolved',
        'error',
        `operation '${name}' of source '${operation.sourceName}' needs ${missing.map((r) => `'${redactUrl(r)}'`).join(', ')}, which cannot be resolved: the request cannot be built as described`,
        'operation-ref-unresolved',
      );
    });
  });
  // Broken local $refs no used operation needs: warnings at the source (an extension, an example, an unused component)
  sources.forEach((source, i) => {
    if (source.kind !== 'openapi') return;
    const unused = (source.brokenRefs ?? []).filter(
      (ref) => !needed.has(`${source.description.name}\u0000${ref}`),
    );
    if (unused.length === 0) return;
    const shown = unused
      .slice(0, 5)
      .map((r) => `'${r}'`)
      .join(', ');
    const more = unused.length > 5 ? ` and ${unused.length - 5} more` : '';
    report(
      `/sourceDescriptions/${i}/url`,
      'source-ref-unresolved',
      'warning',
      `source '${redactUrl(source.description.url)}' has $refs that reach nothing: ${shown}${more}; no operation a step uses needs them`,
      'source-ref-unresolved',
    );
  });
  return out;
}

/** True when `ref` found `operation` only as `sourceName.operationId` (no operation has `ref` as its id). */
function isShortForm(ref: string, operation: OperationInfo, sources: readonly ResolvedSource[]): boolean {
  if (ref.startsWith('$sourceDescriptions.') || operation.operationId === ref) return false;
  return !sources.some((s) => s.kind === 'openapi' && s.operations.some((o) => o.operationId === ref));
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
