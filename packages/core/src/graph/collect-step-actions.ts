import type { ArazzoDocument, FailureAction, Step, Workflow } from '../model/arazzo.js';

/** An action as drawn: type, target and limits, after reusable references are resolved. */
export interface DrawnAction {
  readonly name: string;
  readonly type: string;
  readonly stepId?: string;
  readonly workflowId?: string;
  readonly retryLimit?: number;
  readonly retryAfter?: number;
  /** The conditions of its criteria (the action applies only when they hold). */
  readonly conditions: readonly string[];
}

/**
 * The success or failure actions that apply to a step, as the engine applies them: the step's own
 * first, then the workflow's, a workflow action being overridden by a step action of the same name;
 * `$components.successActions.x` / `failureActions.x` resolved (an unknown reference is skipped: lint
 * reports it).
 */
export function collectStepActions(
  document: ArazzoDocument,
  workflow: Workflow,
  step: Step,
  outcome: 'success' | 'failure',
): DrawnAction[] {
  const kind = outcome === 'success' ? 'successActions' : 'failureActions';
  const own = resolveAll(document, kind, outcome === 'success' ? step.onSuccess : step.onFailure);
  const names = new Set(own.map((a) => a.name));
  const inherited = resolveAll(document, kind, workflow[kind]).filter((a) => !names.has(a.name));
  return [...own, ...inherited];
}

function resolveAll(
  document: ArazzoDocument,
  kind: 'successActions' | 'failureActions',
  entries: unknown,
): DrawnAction[] {
  if (!Array.isArray(entries)) return [];
  const drawn: DrawnAction[] = [];
  for (const entry of entries as unknown[]) {
    const action = resolveOne(document, kind, entry);
    if (action !== undefined) drawn.push(action);
  }
  return drawn;
}

function resolveOne(
  document: ArazzoDocument,
  kind: 'successActions' | 'failureActions',
  entry: unknown,
): DrawnAction | undefined {
  if (entry === null || typeof entry !== 'object') return undefined;
  let action = entry as Partial<FailureAction> & { reference?: unknown };
  if (typeof action.reference === 'string') {
    const name = action.reference.startsWith(`$components.${kind}.`)
      ? action.reference.slice(`$components.${kind}.`.length)
      : undefined;
    const found = name === undefined ? undefined : document.components?.[kind]?.[name];
    if (found === undefined || found === null || typeof found !== 'object') return undefined;
    action = found;
  }
  if (typeof action.type !== 'string') return undefined;
  const criteria = Array.isArray(action.criteria) ? action.criteria : [];
  return {
    name: typeof action.name === 'string' ? action.name : action.type,
    type: action.type,
    ...(typeof action.stepId === 'string' ? { stepId: action.stepId } : {}),
    ...(typeof action.workflowId === 'string' ? { workflowId: action.workflowId } : {}),
    ...(typeof action.retryLimit === 'number' ? { retryLimit: action.retryLimit } : {}),
    ...(typeof action.retryAfter === 'number' ? { retryAfter: action.retryAfter } : {}),
    conditions: criteria.flatMap((c) => (typeof c?.condition === 'string' ? [c.condition] : [])),
  };
}
