/**
 * Reads one ECMA-262 escape (`\x41`, `\u00e9`, `\cJ`, `\s`, `\1`, ...) of a pattern that already
 * compiled as an ECMAScript RegExp without flags (Annex B syntax: `\q` is `q`, `\x` without two hex
 * digits is `x`), for the translation to RE2.
 */
import { type CodePointRange, classEscapeRanges } from './regex-code-points.js';
import { CriterionSyntaxError } from './types.js';

/** What an escape stands for, and how many code units of the pattern it took (backslash included). */
export type RegexEscape =
  | { readonly kind: 'char'; readonly codePoint: number; readonly length: number }
  | { readonly kind: 'class'; readonly ranges: readonly CodePointRange[]; readonly length: number }
  | { readonly kind: 'boundary'; readonly negated: boolean; readonly length: number };

const CONTROL: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d };

/** The literal at `i` (a code unit, or a surrogate pair taken as one code point). */
export function readLiteral(pattern: string, i: number): { codePoint: number; length: number } {
  const codePoint = pattern.codePointAt(i) ?? 0;
  return { codePoint, length: codePoint > 0xffff ? 2 : 1 };
}

/**
 * Reads the escape whose backslash is at `i`. `inClass`: inside `[...]`, where `\b` is a backspace.
 * Backreferences throw CriterionSyntaxError (a linear-time engine cannot match them).
 */
export function readEscape(pattern: string, i: number, inClass: boolean): RegexEscape {
  const next = pattern[i + 1] ?? '';
  const ranges = classEscapeRanges(next);
  if (ranges !== undefined) return { kind: 'class', ranges, length: 2 };
  const control = CONTROL[next];
  if (control !== undefined) return char(control, 2);
  if (next === 'b' || next === 'B') {
    if (inClass && next === 'b') return char(0x08, 2);
    if (!inClass) return { kind: 'boundary', negated: next === 'B', length: 2 };
  }
  if (next === '0' && !/[0-9]/.test(pattern[i + 2] ?? '')) return char(0, 2);
  if (/[0-9]/.test(next))
    throw new CriterionSyntaxError(
      `backreferences and legacy octal escapes (\\${next}) are not supported: telaio matches regex ` +
        'criteria in linear time (RE2), which cannot match a backreference',
      i,
    );
  if (next === 'k' && pattern[i + 2] === '<' && /\(\?<[^=!]/.test(pattern))
    throw new CriterionSyntaxError(
      'named backreferences (\\k<name>) are not supported: telaio matches regex criteria in linear time (RE2)',
      i,
    );
  if (next === 'x' && /^[0-9a-fA-F]{2}$/.test(pattern.slice(i + 2, i + 4)))
    return char(Number.parseInt(pattern.slice(i + 2, i + 4), 16), 4);
  if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(i + 2, i + 6))) {
    const unit = Number.parseInt(pattern.slice(i + 2, i + 6), 16);
    const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(pattern.slice(i + 6));
    if (unit >= 0xd800 && unit <= 0xdbff && low?.[1] !== undefined) {
      const lowUnit = Number.parseInt(low[1], 16);
      return char(0x10000 + ((unit - 0xd800) << 10) + (lowUnit - 0xdc00), 12);
    }
    return char(unit, 6);
  }
  if (next === 'c') {
    const letter = pattern[i + 2] ?? '';
    // Annex B: `\c` not followed by a letter is a backslash (and the `c` is read next).
    if (!/[a-zA-Z]/.test(letter)) return char(0x5c, 1);
    return char(letter.charCodeAt(0) % 32, 3);
  }
  // Identity escape: `\.`, `\/`, and (Annex B) `\q`, `\p`, `\a`: the character itself.
  const literal = readLiteral(pattern, i + 1);
  return char(literal.codePoint, 1 + literal.length);
}

function char(codePoint: number, length: number): RegexEscape {
  return { kind: 'char', codePoint, length };
}
