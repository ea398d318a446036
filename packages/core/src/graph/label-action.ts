import type { DrawnAction } from './collect-step-actions.js';

const MAX_CONDITION = 48;

/**
 * The text on an action's edge: `name: retry ≤3 after 2s when $statusCode == 503`. The type is left
 * out when the name already says it; conditions are joined with `&&` and shortened past 48 characters.
 */
export function labelAction(action: DrawnAction): string {
  const parts = [action.name === action.type ? action.type : `${action.name}: ${action.type}`];
  if (action.type === 'retry') {
    if (action.retryLimit !== undefined) parts.push(`≤${action.retryLimit}`);
    if (action.retryAfter !== undefined) parts.push(`after ${action.retryAfter}s`);
  }
  if (action.conditions.length > 0) {
    const conditions = action.conditions.join(' && ');
    parts.push(
      `when ${conditions.length > MAX_CONDITION ? `${conditions.slice(0, MAX_CONDITION - 1)}…` : conditions}`,
    );
  }
  return parts.join(' ');
}
