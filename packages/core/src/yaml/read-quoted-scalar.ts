import { giveUp } from './give-up.js';
import type { ScanState } from './scan-state.js';
import { isDocumentMarker } from './skip-blank-lines.js';

/** A single-quoted body up to its closing quote (sticky; `''` is an escaped quote). */
const SINGLE_BODY = /[^']*(?:''[^']*)*'/y;
/** A double-quoted body up to its closing quote (sticky; a backslash and the next character are one unit). */
const DOUBLE_BODY = /[^"\\]*(?:\\[\s\S][^"\\]*)*"/y;
/** One escape sequence of a double-quoted scalar (a bad one matches as a backslash and one character). */
const ESCAPE = /\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/g;
const QUOTE_PAIR = /''/g;

/**
 * Read a single- or double-quoted scalar starting at `s.pos` (its opening quote), with js-yaml's
 * folding of line breaks (trailing spaces dropped, leading spaces of continuation lines dropped, one
 * break a space, n+1 breaks n line feeds, an escaped break nothing) and escapes. Leaves `pos` after
 * the closing quote. With `oneLine`, returns undefined (pos unchanged) when the scalar does not close
 * on its line. Gives up where js-yaml throws (no closing quote, a bad escape, a document marker
 * inside), and in positions mode on continuation lines indented less than `minIndent`. The body is
 * found and decoded by regular expressions, a line at a time.
 */
export function readQuotedScalar(s: ScanState, oneLine: boolean, minIndent = 0): string | undefined {
  const { src } = s;
  const open = s.pos;
  const double = src.charCodeAt(open) !== 0x27;
  if (!s.build && !oneLine) return checkQuotedScalar(s, double, open);
  const body = double ? DOUBLE_BODY : SINGLE_BODY;
  body.lastIndex = open + 1;
  if (!body.test(src)) giveUp('unterminated quoted scalar');
  const close = body.lastIndex - 1;
  const firstBreak = src.indexOf('\n', open + 1);
  if (firstBreak > close) {
    s.pos = close + 1;
    return decode(src.slice(open + 1, close), double);
  }
  if (oneLine) return undefined;
  const minimum = s.spans === undefined ? 0 : minIndent;
  let result = '';
  let lineStart = open + 1;
  let fold = '';
  for (;;) {
    const lineEnd = src.indexOf('\n', lineStart);
    if (lineEnd > close) {
      result += fold + decode(src.slice(lineStart, close), double);
      s.pos = close + 1;
      return result;
    }
    let segmentEnd = lineEnd;
    const escapedBreak = double && oddBackslashesBefore(src, lineEnd, lineStart);
    if (escapedBreak) {
      segmentEnd = lineEnd - 1;
    } else {
      while (segmentEnd > lineStart && src.charCodeAt(segmentEnd - 1) === 0x20) segmentEnd--;
      // `\ ` is an escaped space: kept.
      if (double && segmentEnd < lineEnd && oddBackslashesBefore(src, segmentEnd, lineStart)) segmentEnd++;
    }
    result += fold + decode(src.slice(lineStart, segmentEnd), double);
    // The line breaks and the leading spaces of the next lines (js-yaml's skipSeparationSpace).
    let breaks = 0;
    let p = lineEnd;
    let nextLine = lineEnd;
    while (src.charCodeAt(p) === 0x0a) {
      breaks++;
      nextLine = p + 1;
      p = nextLine;
      while (src.charCodeAt(p) === 0x20) p++;
    }
    if (p === nextLine && isDocumentMarker(src, p)) giveUp('document marker inside a quoted scalar');
    if (p - nextLine < minimum) giveUp('positions of a quoted scalar with an unindented line');
    fold = escapedBreak ? '' : breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
    lineStart = p;
  }
}

/**
 * The checking pass of a lazy parse: give up where readQuotedScalar would on the scalar whose opening
 * quote is at `open` (no closing quote, a bad escape, a document marker starting a continuation line),
 * build nothing, and leave `pos` after the closing quote. One regular expression finds the close of a
 * double-quoted body whose escapes are all good: it reaches DOUBLE_BODY's close exactly when every
 * escape before it is one decodeEscape takes (a backslash only ever starts a unit, so there is no
 * other way to reach a quote).
 */
function checkQuotedScalar(s: ScanState, double: boolean, open: number): '' {
  const { src } = s;
  const body = double ? CHECKED_DOUBLE_BODY : SINGLE_BODY;
  body.lastIndex = open + 1;
  if (!body.test(src)) giveUp('unterminated quoted scalar, or a bad escape');
  const close = body.lastIndex - 1;
  // (Each search stops at the next line break: no scan past the scalar.)
  for (let n = src.indexOf('\n', open + 1); n !== -1 && n < close; n = src.indexOf('\n', n + 1))
    if (isDocumentMarker(src, n + 1)) giveUp('document marker inside a quoted scalar');
  s.pos = close + 1;
  return '';
}

/**
 * DOUBLE_BODY with only the escapes decodeEscape takes: its one-character escapes, an escaped line
 * break (folded away), `\x`, `\u` and `\U` followed by their hex digits (`\U` at most 10FFFF). Each
 * unit consumes two characters, the digits are looked ahead at: this keeps it as fast as DOUBLE_BODY.
 */
const CHECKED_DOUBLE_BODY =
  /[^"\\]*(?:(?:\\[0abt\tnvfre "/\\N_LP\n]|\\x(?=[0-9a-fA-F]{2})|\\u(?=[0-9a-fA-F]{4})|\\U(?=00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4}))[^"\\]*)*"/y;

/** Whether an odd number of backslashes ends just before `at` (not looking before `from`). */
function oddBackslashesBefore(src: string, at: number, from: number): boolean {
  let b = at;
  while (b > from && src.charCodeAt(b - 1) === 0x5c) b--;
  return (at - b) % 2 === 1;
}

/** A segment's escapes decoded: `''` in single quotes, backslash escapes in double quotes. */
function decode(segment: string, double: boolean): string {
  if (double) return segment.includes('\\') ? segment.replace(ESCAPE, decodeEscape) : segment;
  return segment.includes("''") ? segment.replace(QUOTE_PAIR, "'") : segment;
}

function decodeEscape(sequence: string): string {
  if (sequence.length === 2) {
    const c = sequence.charCodeAt(1);
    const simple = c < 128 ? SIMPLE_ESCAPES[c] : undefined;
    if (simple === undefined) giveUp('unknown escape sequence');
    return simple;
  }
  const code = Number.parseInt(sequence.slice(2), 16);
  if (code > 0x10ffff) giveUp('escape beyond Unicode');
  return String.fromCodePoint(code);
}

/** js-yaml's one-character escapes (`\x`, `\u` and `\U` are not among them: alone they are errors). */
const SIMPLE_ESCAPES: (string | undefined)[] = (() => {
  const table: (string | undefined)[] = new Array(128).fill(undefined);
  const pairs: [string, string][] = [
    ['0', '\x00'],
    ['a', '\x07'],
    ['b', '\x08'],
    ['t', '\x09'],
    ['\t', '\x09'],
    ['n', '\x0A'],
    ['v', '\x0B'],
    ['f', '\x0C'],
    ['r', '\x0D'],
    ['e', '\x1B'],
    [' ', ' '],
    ['"', '"'],
    ['/', '/'],
    ['\\', '\\'],
    ['N', '\x85'],
    ['_', '\xA0'],
    ['L', '\u2028'],
    ['P', '\u2029'],
  ];
  for (const [k, v] of pairs) table[k.charCodeAt(0)] = v;
  return table;
})();
