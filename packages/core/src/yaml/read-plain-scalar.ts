import { giveUp } from './give-up.js';
import type { ScanState } from './scan-state.js';

/** After readPlainScalar: the offset after the scalar's last character. */
export let plainScalarEnd = 0;

/** Where a plain scalar's line stops in block context: `: `, `:` at the end, ` #`, or the line break. */
const STOP = /: |:\n| #|\n/g;

/**
 * Whether a plain scalar may start at `p` (js-yaml's readPlainScalar: not an indicator; `-`, `?` and
 * `:` only when followed by a non-space). In block context `:` needs no check here (`: ` is not a value).
 */
export function isPlainStart(src: string, p: number): boolean {
  const c = src.charCodeAt(p);
  switch (c) {
    case 0x20: // space
    case 0x0a: // line feed
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x27: // '
    case 0x22: // "
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return false;
    case 0x3f: // ?
    case 0x2d: // -
    case 0x3a: {
      // :
      const next = src.charCodeAt(p + 1);
      return next !== 0x20 && next !== 0x0a;
    }
    default:
      return !Number.isNaN(c);
  }
}

/**
 * If a block mapping key (a plain scalar followed by `: ` or `:` and a line break) starts at `p`,
 * the offset of its `:`; else -1. The key is `src.slice(p, trimmedEnd)`.
 */
export function findPlainKeyColon(src: string, p: number): number {
  const stop = findStop(src, p);
  return src.charCodeAt(stop) === 0x3a ? stop : -1;
}

/**
 * The offset where a plain scalar's line stops (see STOP). `test` rather than `exec`: no match array
 * is allocated; every alternative but the lone line break is two characters long.
 */
function findStop(src: string, p: number): number {
  STOP.lastIndex = p;
  STOP.test(src);
  const after = STOP.lastIndex;
  return src.charCodeAt(after - 1) === 0x0a && src.charCodeAt(after - 2) !== 0x3a ? after - 1 : after - 2;
}

/** The offset after the last non-space character before `q` (not before `from`). */
export function trimEndOffset(src: string, from: number, q: number): number {
  let e = q;
  while (e > from && src.charCodeAt(e - 1) === 0x20) e--;
  return e;
}

/**
 * Read a plain scalar in block context starting at `s.pos`, folding continuation lines indented at
 * least `minIndent` as YAML 1.2 (and js-yaml) do: one line break is a space, n+1 are n line feeds.
 * Returns the raw text (not resolved); leaves `pos` at the start of the line after its last line
 * (or after its trailing comment). Gives up where js-yaml would throw (`: ` inside the scalar). In
 * the checking pass of a lazy parse (`s.build` false) it returns '' and only finds the end.
 */
export function readPlainScalar(s: ScanState, minIndent: number): string {
  const { src, end } = s;
  const start = s.pos;
  let stop = findStop(src, start);
  let c = src.charCodeAt(stop);
  if (c === 0x3a) giveUp('plain scalar followed by ": "');
  plainScalarEnd = trimEndOffset(src, start, stop);
  // The checking pass of a lazy parse only needs to know where the scalar ends.
  const build = s.build;
  let result = build ? src.slice(start, plainScalarEnd) : '';
  for (;;) {
    if (c === 0x20) {
      // A comment ends the scalar and its line.
      s.pos = src.indexOf('\n', stop) + 1;
      return result;
    }
    // c is the line break at `stop`: look at the following lines.
    let lineStart = stop + 1;
    let breaks = 1;
    let p = lineStart;
    for (;;) {
      while (p < end && src.charCodeAt(p) === 0x20) p++;
      if (p < end && src.charCodeAt(p) === 0x0a) {
        breaks++;
        lineStart = p + 1;
        p = lineStart;
        continue;
      }
      break;
    }
    // (Bounds checked first: reading past the end deoptimises the function.)
    if (p >= end || p - lineStart < minIndent || src.charCodeAt(p) === 0x23) {
      s.pos = stop + 1;
      return result;
    }
    if (src.charCodeAt(p) === 0x3a) {
      const after = src.charCodeAt(p + 1);
      if (after === 0x20 || after === 0x0a) giveUp('continuation line starts with ": "');
    }
    stop = findStop(src, p);
    c = src.charCodeAt(stop);
    if (c === 0x3a) giveUp('continuation line holds ": "');
    plainScalarEnd = trimEndOffset(src, p, stop);
    if (build) result += (breaks === 1 ? ' ' : '\n'.repeat(breaks - 1)) + src.slice(p, plainScalarEnd);
  }
}
