import type { StepNode } from './graph-types.js';

/**
 * The lines a step's box shows, the same in every renderer: stepId, then what it calls (operationId,
 * operationPath, channel or `workflow <id>`), the operation's method and path, the message action
 * and the source.
 */
export function describeNode(node: StepNode): string[] {
  const lines = [node.stepId];
  lines.push(node.kind === 'workflow' ? `workflow ${node.target}` : node.target);
  if (node.operation !== undefined) lines.push(node.operation);
  if (node.action !== undefined) lines.push(`${node.action} message`);
  if (node.source !== undefined) lines.push(`source: ${node.source}`);
  return lines;
}
