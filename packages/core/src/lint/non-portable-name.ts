import type { RuntimeExpression } from '../expressions/ast.js';

const PORTABLE = /^[A-Za-z0-9_-]+$/;

/** True when an id follows the spec's `[A-Za-z0-9_\-]+` (workflowId, stepId, source name). */
export function isPortableId(id: string): boolean {
  return PORTABLE.test(id);
}

/** The portable spelling of an id: each run of other characters becomes one `_` (`get pet` → `get_pet`). */
export function portableSpelling(id: string): string {
  const spelled = id.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return spelled === '' ? 'id' : spelled;
}

/**
 * The message for an expression that names a step, workflow or source by an id outside
 * `[A-Za-z0-9_\-]+` (the lenient parsers read it as the longest declared id), or undefined.
 */
export function nonPortableName(expression: RuntimeExpression): string | undefined {
  const named =
    expression.kind === 'steps'
      ? { what: 'step', id: expression.stepId }
      : expression.kind === 'workflows'
        ? { what: 'workflow', id: expression.workflowId }
        : expression.kind === 'sourceDescriptions'
          ? { what: 'sourceDescription', id: expression.name }
          : undefined;
  if (named === undefined || isPortableId(named.id)) return undefined;
  const better = expression.text.replace(named.id, portableSpelling(named.id));
  return `'${expression.text}' names ${named.what} '${named.id}', an id outside [A-Za-z0-9_-]+ that other tools may not read; rename it '${portableSpelling(named.id)}' and write '${better}'`;
}
