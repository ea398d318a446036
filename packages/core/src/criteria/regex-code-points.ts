/**
 * Code-point sets of ECMA-262 character class escapes, written as RE2 class bodies, so that a
 * translated pattern means what the ECMAScript pattern meant (RE2's `\s` is ASCII only, ECMAScript's
 * also takes U+00A0, U+FEFF, the Unicode space separators and the line terminators).
 */

/** An inclusive range of code points. */
export type CodePointRange = readonly [number, number];

/** The highest code point. */
export const MAX_CODE_POINT = 0x10ffff;

/** ECMA-262 WhiteSpace and LineTerminator (what `\s` matches), sorted. */
const WHITESPACE: readonly CodePointRange[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** `\d`, `\w` (ASCII in ECMAScript without the `u` and `i` flags), sorted. */
const DIGIT: readonly CodePointRange[] = [[0x30, 0x39]];
const WORD: readonly CodePointRange[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];

/** ECMAScript's line terminators: what `.` does not match (without the `s` flag). */
export const LINE_TERMINATORS: readonly CodePointRange[] = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

/** The ranges a class escape letter (`d`, `D`, `s`, `S`, `w`, `W`) stands for, or undefined. */
export function classEscapeRanges(letter: string): readonly CodePointRange[] | undefined {
  switch (letter) {
    case 'd':
      return DIGIT;
    case 'D':
      return complementRanges(DIGIT);
    case 's':
      return WHITESPACE;
    case 'S':
      return complementRanges(WHITESPACE);
    case 'w':
      return WORD;
    case 'W':
      return complementRanges(WORD);
    default:
      return undefined;
  }
}

/** The code points not in `ranges` (which must be sorted and disjoint). */
export function complementRanges(ranges: readonly CodePointRange[]): CodePointRange[] {
  const out: CodePointRange[] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/** One code point as an RE2 literal: ASCII letters and digits as they are, the rest as `\x{HEX}`. */
export function re2Literal(codePoint: number): string {
  if (
    (codePoint >= 0x30 && codePoint <= 0x39) ||
    (codePoint >= 0x41 && codePoint <= 0x5a) ||
    (codePoint >= 0x61 && codePoint <= 0x7a)
  )
    return String.fromCharCode(codePoint);
  return `\\x{${codePoint.toString(16)}}`;
}

/** Ranges as the inside of an RE2 class (`\x{9}-\x{d}\x{20}...`). */
export function re2ClassBody(ranges: readonly CodePointRange[]): string {
  return ranges
    .map(([lo, hi]) => (lo === hi ? re2Literal(lo) : `${re2Literal(lo)}-${re2Literal(hi)}`))
    .join('');
}
