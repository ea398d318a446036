import type { ArazzoDocument, FailureAction, ReusableObject } from '@telaio/core';

/**
 * The retryLimit of the failure action `name` that a step took (step `onFailure`, else the
 * workflow's `failureActions`, inline or through `$components.failureActions`). Arazzo's default
 * when unset is 1 retry; undefined when the action cannot be found.
 */
export function findRetryLimit(
  document: ArazzoDocument | undefined,
  workflowId: string,
  stepId: string,
  name: string,
): number | undefined {
  const workflow = document?.workflows?.find((w) => w.workflowId === workflowId);
  const step = workflow?.steps?.find((s) => s.stepId === stepId);
  const candidates = [...(step?.onFailure ?? []), ...(workflow?.failureActions ?? [])];
  for (const candidate of candidates) {
    const action = resolve(document, candidate);
    if (action?.name === name && action.type === 'retry') return action.retryLimit ?? 1;
  }
  return undefined;
}

function resolve(
  document: ArazzoDocument | undefined,
  item: FailureAction | ReusableObject,
): FailureAction | undefined {
  if (!('reference' in item)) return item;
  const match = /^\$components\.failureActions\.(.+)$/.exec(item.reference);
  return match === null ? undefined : document?.components?.failureActions?.[match[1] ?? ''];
}
