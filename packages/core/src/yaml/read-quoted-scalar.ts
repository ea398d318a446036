import { giveUp } from './give-up.js';
import { trimEndOffset } from './read-plain-scalar.js';
import type { ScanState } from './scan-state.js';
import { isDocumentMarker } from './skip-blank-lines.js';

/** What the line breaks skipped by the last foldBreaks fold to. */
let lastFold = '';

const SINGLE_STOP = /['\n]/g;
const DOUBLE_STOP = /["\\\n]/g;

/**
 * Read a single- or double-quoted scalar starting at `s.pos` (its opening quote), with js-yaml's
 * folding of line breaks (trailing spaces dropped, one break a space, n+1 breaks n line feeds) and
 * escapes. Leaves `pos` after the closing quote. With `oneLine`, returns undefined (pos unchanged)
 * when the scalar does not close on its line. Gives up where js-yaml throws, and in positions mode
 * on continuation lines indented less than `minIndent`.
 */
export function readQuotedScalar(s: ScanState, oneLine: boolean, minIndent = 0): string | undefined {
  foldMinIndent = s.spans === undefined ? 0 : minIndent;
  return s.src.charCodeAt(s.pos) === 0x27 ? readSingle(s, oneLine) : readDouble(s, oneLine);
}

/**
 * In positions mode, continuation lines indented less than this make the reader give up: js-yaml
 * takes them, `yaml` reports an error and builds other nodes.
 */
let foldMinIndent = 0;

function readSingle(s: ScanState, oneLine: boolean): string | undefined {
  const { src } = s;
  let segStart = s.pos + 1;
  let result = '';
  for (;;) {
    SINGLE_STOP.lastIndex = segStart;
    if (!SINGLE_STOP.test(src)) giveUp('unterminated quoted scalar');
    const i = SINGLE_STOP.lastIndex - 1;
    if (src.charCodeAt(i) === 0x27) {
      result += src.slice(segStart, i);
      if (src.charCodeAt(i + 1) === 0x27) {
        result += "'";
        segStart = i + 2;
        continue;
      }
      s.pos = i + 1;
      return result;
    }
    if (oneLine) return undefined;
    result += src.slice(segStart, trimEndOffset(src, segStart, i));
    segStart = foldBreaks(s, i);
    result += lastFold;
  }
}

function readDouble(s: ScanState, oneLine: boolean): string | undefined {
  const { src } = s;
  let segStart = s.pos + 1;
  let result = '';
  for (;;) {
    DOUBLE_STOP.lastIndex = segStart;
    if (!DOUBLE_STOP.test(src)) giveUp('unterminated quoted scalar');
    const i = DOUBLE_STOP.lastIndex - 1;
    const c = src.charCodeAt(i);
    if (c === 0x22) {
      result += src.slice(segStart, i);
      s.pos = i + 1;
      return result;
    }
    if (c === 0x5c) {
      result += src.slice(segStart, i);
      const e = src.charCodeAt(i + 1);
      if (e === 0x0a) {
        if (oneLine) return undefined;
        segStart = foldBreaks(s, i + 1);
        continue;
      }
      const simple = e < 128 ? SIMPLE_ESCAPES[e] : undefined;
      if (simple !== undefined) {
        result += simple;
        segStart = i + 2;
        continue;
      }
      const length = e === 0x78 ? 2 : e === 0x75 ? 4 : e === 0x55 ? 8 : 0;
      if (length === 0) giveUp('unknown escape sequence');
      let code = 0;
      for (let k = 0; k < length; k++) {
        const digit = hexValue(src.charCodeAt(i + 2 + k));
        if (digit < 0) giveUp('bad hexadecimal escape');
        code = code * 16 + digit;
      }
      if (code > 0x10ffff) giveUp('escape beyond Unicode');
      result += String.fromCodePoint(code);
      segStart = i + 2 + length;
      continue;
    }
    if (oneLine) return undefined;
    result += src.slice(segStart, trimEndOffset(src, segStart, i));
    segStart = foldBreaks(s, i);
    result += lastFold;
  }
}

/**
 * From the line break at `at`, skip line breaks and leading spaces (js-yaml's skipSeparationSpace
 * without comments). Sets `lastFold` to what the breaks fold to and returns the next content offset.
 */
function foldBreaks(s: ScanState, at: number): number {
  const { src, end } = s;
  let breaks = 0;
  let p = at;
  let lineStart = at;
  while (src.charCodeAt(p) === 0x0a) {
    breaks++;
    lineStart = p + 1;
    p = lineStart;
    while (src.charCodeAt(p) === 0x20) p++;
  }
  if (p >= end) giveUp('unterminated quoted scalar');
  if (p === lineStart && isDocumentMarker(src, p)) giveUp('document marker inside a quoted scalar');
  if (p - lineStart < foldMinIndent) giveUp('positions of a quoted scalar with an unindented line');
  lastFold = breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  return p;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lc = c | 0x20;
  if (lc >= 0x61 && lc <= 0x66) return lc - 0x61 + 10;
  return -1;
}

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
