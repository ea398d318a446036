/**
 * Parses strings with embedded `{$...}` runtime expressions (Arazzo 1.0.1 §4.6.13: "Expressions
 * can be embedded into string values by surrounding the expression with `{}` curly braces").
 */
import type { ParseResult, Template, TemplatePart } from './ast.js';
import type { DeclaredNames } from './declared-names.js';
import { scanExpression } from './scan-expression.js';

/**
 * Split `text` into literal chunks and embedded expressions. A `{` that does not start `{$` stays
 * literal, as does a `$` outside braces. Offsets are 0-based in `text`; never throws. `names`: see
 * DeclaredNames.
 */
export function parseTemplate(text: string, names?: DeclaredNames): ParseResult<Template> {
  if (typeof text !== 'string')
    return { ok: false, error: { message: 'a template must be a string', offset: 0 } };
  const parts: TemplatePart[] = [];
  let literalStart = 0;
  let i = text.indexOf('{$');
  while (i !== -1) {
    if (i > literalStart)
      parts.push({ kind: 'literal', value: text.slice(literalStart, i), offset: literalStart });
    const scanned = scanExpression(text, i + 1, 'embedded', names);
    if (!scanned.ok) return scanned;
    if (text[scanned.end] !== '}') {
      const found = scanned.end >= text.length ? 'the text ends' : `found '${text[scanned.end]}'`;
      return {
        ok: false,
        error: {
          message: `expected '}' to close the embedded expression '{${scanned.expression.text}' but ${found}`,
          offset: scanned.end,
        },
      };
    }
    parts.push({ kind: 'expression', expression: scanned.expression, offset: i + 1 });
    literalStart = scanned.end + 1;
    i = text.indexOf('{$', literalStart);
  }
  if (literalStart < text.length)
    parts.push({ kind: 'literal', value: text.slice(literalStart), offset: literalStart });
  return { ok: true, value: { text, parts } };
}
