/**
 * Prints a runtime expression AST back to its canonical text (the inverse of parseExpression).
 */
import type { MessageSource, PointerTokens, RuntimeExpression } from './ast.js';

/** Encode decoded pointer tokens as `#/a~1b/0` (`~` → `~0`, `/` → `~1`); empty when absent. */
export function printPointer(pointer: PointerTokens | undefined): string {
  if (pointer === undefined) return '';
  return `#${pointer.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`;
}

function printSource(source: MessageSource): string {
  return source.type === 'body' || source.type === 'payload'
    ? `${source.type}${printPointer(source.pointer)}`
    : `${source.type}.${source.name}`;
}

/** Canonical text of an expression AST; `parseExpression(printExpression(e))` gives back `e`'s fields. */
export function printExpression(expression: RuntimeExpression): string {
  switch (expression.kind) {
    case 'url':
    case 'method':
    case 'statusCode':
    case 'self':
      return `$${expression.kind}`;
    case 'request':
    case 'response':
    case 'message':
      return `$${expression.kind}.${printSource(expression.source)}`;
    case 'inputs':
    case 'outputs':
      return `$${expression.kind}.${expression.name}${printPointer(expression.pointer)}`;
    case 'steps':
      return `$steps.${expression.stepId}.${expression.property}${expression.name === undefined ? '' : `.${expression.name}`}${printPointer(expression.pointer)}`;
    case 'workflows':
      return `$workflows.${expression.workflowId}.${expression.property}${expression.name === undefined ? '' : `.${expression.name}`}${printPointer(expression.pointer)}`;
    case 'sourceDescriptions':
      return `$sourceDescriptions.${expression.name}${expression.property === undefined ? '' : `.${expression.property}`}`;
    case 'components':
      return `$components.${expression.componentType}.${expression.name}`;
  }
}
