import { parseTemplate } from '../../expressions/parse-template.js';
import { resolveSourceReference, type SourceReference } from '../../sources/resolve-source-reference.js';
import type { LintContext } from '../lint-context.js';
import { asArray, asRecord, asString } from '../read-node.js';
import { listSiteExpressions } from './list-site-expressions.js';
import { isArazzo11, reportV11 } from './report-v11.js';

/**
 * Arazzo 1.1.0 §Source Description Expression Resolution: `$sourceDescriptions.<name>.<reference>`
 * is an operationId/workflowId first, a Source Description Object field only when there is none.
 * Read as a value, a reference that is both is `source-reference-shadowed` (a warning: it is the
 * operation, as the spec says, though the author likely meant the field), one that is neither is
 * `source-reference-unknown`; in an operationPath or channelPath a shadowed `url` leaves the path
 * naming no document (`source-reference-shadowed-path`). Unloaded sources are left alone.
 */
export function checkSourceReferences(context: LintContext): void {
  if (!isArazzo11(context)) return;
  for (const { expression, pointer } of listSiteExpressions(context)) {
    if (expression.kind !== 'sourceDescriptions' || expression.property === undefined) continue;
    const found = lookup(context, expression.name, expression.property);
    if (found === undefined) continue;
    const [reference, isField] = found;
    const text = expression.text;
    if (reference.kind === 'none')
      reportV11(context, 'source-reference-unknown', {
        message: `'${text}': source '${expression.name}' has no operationId or workflowId '${expression.property}', and its Source Description Object no field of that name`,
        pointer,
      });
    else if (reference.kind !== 'field' && isField)
      reportV11(context, 'source-reference-shadowed', {
        message: `'${text}' resolves to ${what(reference)} of source '${expression.name}', not to its '${expression.property}' field (an operationId or workflowId takes precedence)`,
        pointer,
      });
  }
  asArray(context.root.workflows).forEach((workflow, w) => {
    asArray(asRecord(workflow)?.steps).forEach((item, s) => {
      for (const field of ['operationPath', 'channelPath'] as const) {
        const path = asString(asRecord(item)?.[field]);
        const parsed = path === undefined ? undefined : parseTemplate(path);
        if (parsed?.ok !== true) continue;
        for (const part of parsed.value.parts) {
          const e = part.kind === 'expression' ? part.expression : undefined;
          if (e?.kind !== 'sourceDescriptions' || e.property === undefined) continue;
          const found = lookup(context, e.name, e.property);
          if (found === undefined || found[0].kind === 'field' || found[0].kind === 'none') continue;
          reportV11(context, 'source-reference-shadowed-path', {
            message: `'${e.text}' resolves to ${what(found[0])} of source '${e.name}' (an operationId or workflowId takes precedence over the '${e.property}' field), so this ${field} names no source document; use operationId instead`,
            pointer: `/workflows/${w}/steps/${s}/${field}`,
          });
        }
      }
    });
  });
}

const what = (reference: SourceReference): string =>
  reference.kind === 'workflow'
    ? `workflow '${reference.workflowId}'`
    : 'operation' in reference
      ? `operation '${reference.operation.operationId}'`
      : 'something else';

/** The reference resolved, and whether the description has a field of that name; undefined for an unloaded source. */
function lookup(
  context: LintContext,
  name: string,
  reference: string,
): [SourceReference, boolean] | undefined {
  const source = context.sources.find((s) => s.description.name === name);
  if (source === undefined || source.kind === 'unresolved') return undefined;
  const description = (asRecord(source.description) ?? {}) as Record<string, unknown>;
  return [resolveSourceReference({ source, description, reference }), Object.hasOwn(description, reference)];
}
