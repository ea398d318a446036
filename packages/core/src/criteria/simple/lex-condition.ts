/**
 * Splits a `simple` condition into tokens: runtime expressions, numbers, quoted strings, names and
 * operators (Arazzo 1.0.1 §4.6.10 Literals and Operators).
 */
import type { DeclaredNames } from '../../expressions/declared-names.js';
import { scanExpression } from '../../expressions/scan-expression.js';
import { CriterionSyntaxError } from '../types.js';
import type { ConditionToken } from './condition-ast.js';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_-]*/y;
const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.'];
const LONE: Record<string, string> = { '=': '==', '&': '&&', '|': '||' };

/** Tokens of `text`, ending with an `end` token. Throws CriterionSyntaxError with the offset. */
export function lexCondition(text: string, names?: DeclaredNames): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '$') {
      const scanned = scanExpression(text, i, 'condition', names);
      if (!scanned.ok) throw new CriterionSyntaxError(scanned.error.message, scanned.error.offset);
      tokens.push({ type: 'expression', expression: scanned.expression, offset: i, end: scanned.end });
      i = scanned.end;
      continue;
    }
    if (c === "'" || c === '"') {
      i = readString(text, i, tokens);
      continue;
    }
    NUMBER.lastIndex = i;
    const number = /[-0-9]/.test(c) ? NUMBER.exec(text) : null;
    if (number !== null) {
      tokens.push({
        type: 'number',
        value: Number(number[0]),
        raw: number[0],
        offset: i,
        end: i + number[0].length,
      });
      i += number[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name !== null) {
      tokens.push({ type: 'name', value: name[0], offset: i, end: i + name[0].length });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op !== undefined) {
      tokens.push({ type: 'op', value: op, offset: i, end: i + op.length });
      i += op.length;
      continue;
    }
    const hint = LONE[c] === undefined ? '' : `; did you mean '${LONE[c]}'?`;
    throw new CriterionSyntaxError(`unexpected character '${c}'${hint}`, i);
  }
  tokens.push({ type: 'end', offset: text.length, end: text.length });
  return tokens;
}

/** A quoted string; the quote is escaped by doubling it (`'it''s'`). Returns the offset after it. */
function readString(text: string, start: number, tokens: ConditionToken[]): number {
  const quote = text[start] as string;
  let value = '';
  let i = start + 1;
  for (;;) {
    const at = text.indexOf(quote, i);
    if (at === -1)
      throw new CriterionSyntaxError(`unterminated string starting here (close it with ${quote})`, start);
    value += text.slice(i, at);
    if (text[at + 1] === quote) {
      value += quote;
      i = at + 2;
      continue;
    }
    tokens.push({ type: 'string', value, offset: start, end: at + 1 });
    return at + 1;
  }
}
