/**
 * Decides how a string value of a document (parameter value, payload, output, replacement value)
 * is meant: a whole runtime expression, a template with embedded `{$...}`, or a literal.
 */

/** How a string value is meant. */
export type ValueClass = 'expression' | 'template' | 'literal';

/**
 * `$` followed by a letter means a whole-value expression (so a misspelling is reported, not sent as
 * a literal); a string containing `{$` is a template; anything else is a literal.
 */
export function classifyValue(value: string): ValueClass {
  if (value.length > 1 && value.charCodeAt(0) === 36 /* $ */ && /[A-Za-z]/.test(value[1] ?? ''))
    return 'expression';
  if (value.includes('{$')) return 'template';
  return 'literal';
}
