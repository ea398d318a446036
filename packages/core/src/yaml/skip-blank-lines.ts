import { giveUp } from './give-up.js';
import type { ScanState } from './scan-state.js';

/**
 * From the start of a line, skip empty, blank and comment-only lines. Leaves `pos` at the first
 * content character and sets `lineStart` and `indent` (its column); at the end of the text, or at a
 * document marker (`---` or `...` at column 0 followed by a space or a line break), `indent` is -1
 * (and `marker` the marker's character), `pos` and `lineStart` at the start of that line.
 */
export function skipBlankLines(s: ScanState): void {
  const { src, end } = s;
  BLANK.lastIndex = s.pos;
  BLANK.test(src);
  const p = BLANK.lastIndex;
  // `yaml` hangs comment lines on the nodes around them by rules of its own: positions mode leaves
  // texts with comment lines to it.
  if (s.spans !== undefined && src.slice(s.pos, p).includes('#')) giveUp('positions and comment lines');
  if (p >= end) {
    s.pos = s.lineStart = end;
    s.indent = -1;
    s.marker = 0;
    return;
  }
  const start = src.lastIndexOf('\n', p - 1) + 1;
  s.lineStart = start;
  if (p === start && isDocumentMarker(src, p)) {
    s.pos = p;
    s.indent = -1;
    s.marker = src.charCodeAt(p);
    return;
  }
  s.pos = p;
  s.indent = p - start;
  s.marker = 0;
}

/** Empty, blank and comment-only lines, then the spaces before the next content (sticky). */
const BLANK = /(?: *(?:#[^\n]*)?\n)* */y;

/** Whether `---` or `...` followed by a space or a line break starts at `p`. */
export function isDocumentMarker(src: string, p: number): boolean {
  const c = src.charCodeAt(p);
  if (c !== 0x2d && c !== 0x2e) return false;
  if (src.charCodeAt(p + 1) !== c || src.charCodeAt(p + 2) !== c) return false;
  const next = src.charCodeAt(p + 3);
  return next === 0x20 || next === 0x0a;
}

/** The offset of the first character at or after `p` that is not a space. */
export function skipSpaces(src: string, p: number): number {
  let q = p;
  while (src.charCodeAt(q) === 0x20) q++;
  return q;
}

/**
 * After a node that ended on this line: allow only spaces and a comment (`#` after a space) up to the
 * line break, then move `pos` to the start of the next line. Anything else makes the reader give up.
 */
export function finishLine(s: ScanState): boolean {
  const { src } = s;
  const p = skipSpaces(src, s.pos);
  const c = src.charCodeAt(p);
  if (c === 0x0a) {
    s.pos = p + 1;
    return true;
  }
  if (c === 0x23 && p > s.pos) {
    s.pos = src.indexOf('\n', p) + 1;
    return true;
  }
  return false;
}
