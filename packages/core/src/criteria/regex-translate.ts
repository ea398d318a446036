/**
 * Translates an ECMA-262 pattern (the flavour of Arazzo `regex` criteria, as `new RegExp(condition)`
 * reads it: no flags, Annex B syntax) into RE2 syntax with the same meaning, for a linear-time
 * engine. What RE2 cannot match in linear time is refused with a CriterionSyntaxError:
 * backreferences (`\1`, `\k<name>`), lookahead (`(?=`, `(?!`), inline modifiers (`(?i:`) and
 * repeat counts above 1000. Lookbehind (`(?<=`, `(?<!`) is kept (RE2JS runs it in linear time).
 * Differences RE2 would otherwise introduce are translated away: `.` excludes all four ECMAScript
 * line terminators, `\s` is ECMAScript's whitespace set, `\v` `\cX` `\uHHHH` `[^]` `[]` and Annex B
 * literals (`{`, `]`, `\q`) keep their meaning. Groups become non-capturing: a criterion only tests.
 */
import { complementRanges, LINE_TERMINATORS, re2ClassBody, re2Literal } from './regex-code-points.js';
import { readEscape, readLiteral } from './regex-read-escape.js';
import { translateClass } from './regex-translate-class.js';
import { CriterionSyntaxError } from './types.js';

/** RE2's largest repeat count. */
const MAX_REPEAT = 1000;

/** `.` in ECMAScript without the `s` flag. */
const DOT = `[${re2ClassBody(complementRanges(LINE_TERMINATORS))}]`;

/** The RE2 pattern, and whether it uses lookbehind (compile it with RE2JS.LOOKBEHINDS then). */
export interface TranslatedRegex {
  readonly source: string;
  readonly lookbehind: boolean;
}

/** Translate `pattern`; throws CriterionSyntaxError when it is not valid ECMAScript or not supported. */
export function translateRegex(pattern: string): TranslatedRegex {
  try {
    new RegExp(pattern); // syntax check only: compiling never backtracks
  } catch (e) {
    throw new CriterionSyntaxError(`the regex does not compile: ${(e as Error).message}`);
  }
  let out = '';
  let lookbehind = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const read = readEscape(pattern, i, false);
      if (read.kind === 'char') out += re2Literal(read.codePoint);
      else if (read.kind === 'class') out += `[${re2ClassBody(read.ranges)}]`;
      else out += read.negated ? '\\B' : '\\b';
      i += read.length;
    } else if (c === '[') {
      const cls = translateClass(pattern, i);
      out += cls.text;
      i = cls.end;
    } else if (c === '(') {
      const group = translateGroupOpening(pattern, i);
      lookbehind ||= group.lookbehind;
      out += group.text;
      i += group.length;
    } else if (c === '{') {
      const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat === null) {
        out += re2Literal(0x7b); // Annex B: a `{` that starts no quantifier is literal
        i += 1;
        continue;
      }
      for (const count of [repeat[1], repeat[2]])
        if (count !== undefined && count !== '' && Number(count) > MAX_REPEAT)
          throw new CriterionSyntaxError(
            `repeat count ${count} is above ${MAX_REPEAT}, the most the linear-time regex engine (RE2) takes`,
            i,
          );
      out += repeat[0];
      i += repeat[0].length;
    } else if (c === '.') {
      out += DOT;
      i += 1;
    } else if ('|)^$*+?'.includes(c)) {
      out += c;
      i += 1;
    } else {
      const literal = readLiteral(pattern, i);
      out += re2Literal(literal.codePoint);
      i += literal.length;
    }
  }
  return { source: out, lookbehind };
}

/** The RE2 text for the group opening at `i` (`(`, `(?:`, `(?<name>`, `(?<=`, `(?<!`). */
function translateGroupOpening(
  pattern: string,
  i: number,
): { text: string; length: number; lookbehind: boolean } {
  if (pattern[i + 1] !== '?') return { text: '(?:', length: 1, lookbehind: false };
  const head = pattern.slice(i, i + 4);
  if (head.startsWith('(?:')) return { text: '(?:', length: 3, lookbehind: false };
  if (head === '(?<=' || head === '(?<!') return { text: head, length: 4, lookbehind: true };
  if (head.startsWith('(?=') || head.startsWith('(?!'))
    throw new CriterionSyntaxError(
      `lookahead (${head.slice(0, 3)}...) is not supported: telaio matches regex criteria in linear time (RE2); ` +
        'lookbehind (?<=...) and (?<!...) are',
      i,
    );
  if (pattern[i + 2] === '<') {
    const close = pattern.indexOf('>', i);
    return { text: '(?:', length: close - i + 1, lookbehind: false };
  }
  throw new CriterionSyntaxError(
    'inline modifiers (?i:...) are not supported in regex criteria (a criterion has no flags)',
    i,
  );
}
