/**
 * Parses a whole-value runtime expression (Arazzo 1.0.1 §4.6.13 Runtime Expressions).
 */
import type { ParseResult, RuntimeExpression } from './ast.js';
import type { DeclaredNames } from './declared-names.js';
import { scanExpression } from './scan-expression.js';

/**
 * Parse `text` as exactly one runtime expression (`$response.body#/id`, `$steps.a.outputs.x.y`).
 * Returns the AST or a syntax error with its 0-based offset; never throws. `names`: see DeclaredNames.
 */
export function parseExpression(text: string, names?: DeclaredNames): ParseResult<RuntimeExpression> {
  if (typeof text !== 'string')
    return { ok: false, error: { message: 'a runtime expression must be a string', offset: 0 } };
  const scanned = scanExpression(text, 0, 'whole', names);
  if (!scanned.ok) return scanned;
  if (scanned.end === text.length) return { ok: true, value: scanned.expression };
  return {
    ok: false,
    error: { message: trailingMessage(text, scanned.end, scanned.expression), offset: scanned.end },
  };
}

function trailingMessage(text: string, end: number, expression: RuntimeExpression): string {
  const rest = text.slice(end);
  const shown = rest.length > 20 ? `${rest.slice(0, 20)}…` : rest;
  const head = `unexpected '${shown}' after '${expression.text}'`;
  if (rest.startsWith('.') && (expression.kind === 'request' || expression.kind === 'response')) {
    return `${head}; address a body property with a JSON pointer, e.g. '${expression.text}#/${rest.slice(1).split('.').join('/')}'`;
  }
  if (rest.startsWith('{') || rest.startsWith('}')) return `${head}; embed expressions in text as '{$...}'`;
  if (/^\s/.test(rest)) return `${head}; a runtime expression cannot contain spaces`;
  return head;
}
