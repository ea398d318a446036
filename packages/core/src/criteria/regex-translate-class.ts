/**
 * Translates one ECMA-262 character class (`[...]`, `[^...]`, `[]`, `[^]`) into an RE2 class with the
 * same code points: every member spelt as `\x{HEX}` or a range, class escapes expanded to the
 * ECMAScript sets (see regex-code-points.ts).
 */
import { type CodePointRange, MAX_CODE_POINT, re2ClassBody } from './regex-code-points.js';
import { type RegexEscape, readEscape, readLiteral } from './regex-read-escape.js';

/** Every code point, as the inside of an RE2 class. */
const ANY = re2ClassBody([[0, MAX_CODE_POINT]]);

/** The RE2 text of the class starting at `start` (its `[`), and the index just after its `]`. */
export function translateClass(pattern: string, start: number): { text: string; end: number } {
  let i = start + 1;
  const negated = pattern[i] === '^';
  if (negated) i += 1;
  const members: CodePointRange[] = [];
  let text = '';
  while (i < pattern.length && pattern[i] !== ']') {
    const first = readMember(pattern, i);
    i += first.length;
    // `a-z` is a range; `\w-a` (Annex B) and a `-` just before `]` are literal members.
    if (pattern[i] === '-' && pattern[i + 1] !== ']' && i + 1 < pattern.length && first.kind === 'char') {
      const last = readMember(pattern, i + 1);
      if (last.kind === 'char') {
        members.push([first.codePoint, last.codePoint]);
        i += 1 + last.length;
        continue;
      }
    }
    if (first.kind === 'char') members.push([first.codePoint, first.codePoint]);
    else if (first.kind === 'class') text += re2ClassBody(first.ranges);
  }
  const end = i + 1;
  text = re2ClassBody(members) + text;
  // `[]` matches nothing and `[^]` anything (RE2 has no empty class syntax).
  if (text === '') return { text: negated ? `[${ANY}]` : `[^${ANY}]`, end };
  return { text: `[${negated ? '^' : ''}${text}]`, end };
}

/** One member of a class: a character (escaped or not) or a class escape. */
function readMember(pattern: string, i: number): RegexEscape {
  if (pattern[i] === '\\') return readEscape(pattern, i, true);
  const literal = readLiteral(pattern, i);
  return { kind: 'char', codePoint: literal.codePoint, length: literal.length };
}
