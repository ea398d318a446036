import type { Step } from '../model/arazzo.js';
import type { OperationIndex } from '../sources/types.js';
import type { StepNode } from './graph-types.js';

const QUALIFIED = /^\$sourceDescriptions\.([^.]+)\.(.+)$/;
const PATH_SOURCE = /^\{\$sourceDescriptions\.([^.}]+)\.url\}/;

/**
 * A step as a node: what it calls (operation, channel or workflow), the operation's method and path
 * and its source when `index` finds them, else the source named in the reference itself. Never throws.
 */
export function describeStep(step: Step, id: string, index?: OperationIndex): StepNode {
  const stepId = typeof step.stepId === 'string' ? step.stepId : '(no stepId)';
  if (typeof step.workflowId === 'string') {
    const source = QUALIFIED.exec(step.workflowId)?.[1];
    return { id, stepId, kind: 'workflow', target: step.workflowId, ...(source ? { source } : {}) };
  }
  const action = typeof step.action === 'string' ? { action: step.action } : {};
  if (typeof step.channelPath === 'string') {
    const source = PATH_SOURCE.exec(step.channelPath)?.[1];
    return {
      id,
      stepId,
      kind: 'message',
      target: step.channelPath,
      ...action,
      ...(source ? { source } : {}),
    };
  }
  if (typeof step.operationId === 'string') {
    const found = lookup(() => index?.byOperationId(step.operationId as string)[0]);
    if (found !== undefined)
      return {
        id,
        stepId,
        kind: 'operation',
        target: step.operationId,
        operation: `${found.method.toUpperCase()} ${found.path}`,
        source: found.sourceName,
      };
    const message = lookup(() => index?.messageOperationsById(step.operationId as string)[0]);
    const source = message?.sourceName ?? QUALIFIED.exec(step.operationId)?.[1];
    return {
      id,
      stepId,
      kind: message !== undefined || step.action !== undefined ? 'message' : 'operation',
      target: step.operationId,
      ...action,
      ...(source ? { source } : {}),
    };
  }
  if (typeof step.operationPath === 'string') {
    const found = lookup(() => index?.byOperationPath(step.operationPath as string));
    const source = found?.sourceName ?? PATH_SOURCE.exec(step.operationPath)?.[1];
    return {
      id,
      stepId,
      kind: 'operation',
      target: step.operationPath,
      ...(found ? { operation: `${found.method.toUpperCase()} ${found.path}` } : {}),
      ...(source ? { source } : {}),
    };
  }
  return { id, stepId, kind: 'operation', target: '(no operation)' };
}

/** The lookup's result, or undefined when it throws (a broken source must not stop the drawing). */
function lookup<T>(find: () => T | undefined): T | undefined {
  try {
    return find();
  } catch {
    return undefined;
  }
}
