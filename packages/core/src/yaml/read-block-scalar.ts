import { giveUp } from './give-up.js';
import type { ScanState } from './scan-state.js';

/** After readBlockScalar: the offset after its last content line's line break (-1: no content line). */
export let blockScalarContentEnd = -1;
/** After readBlockScalar: whether it keeps its trailing line breaks (`+`). */
export let blockScalarKeeps = false;

const CLIP = 1;
const STRIP = 2;
const KEEP = 3;

/**
 * Read a literal (`|`) or folded (`>`) block scalar whose header is at `s.pos`, with chomping
 * (`+`, `-`) and indentation (1-9) indicators, line by line as js-yaml's readBlockScalar does
 * (`nodeIndent` is js-yaml's: the parent's indentation plus one). Leaves `pos` at the start of the
 * first line that is not part of it.
 */
export function readBlockScalar(s: ScanState, nodeIndent: number): string {
  const { src, end } = s;
  const folding = src.charCodeAt(s.pos) === 0x3e;
  let chomping = CLIP;
  let detectedIndent = false;
  let textIndent = nodeIndent;
  let p = s.pos + 1;
  for (; ; p++) {
    const c = src.charCodeAt(p);
    if (c === 0x2b || c === 0x2d) {
      if (chomping !== CLIP) giveUp('repeated chomping indicator');
      chomping = c === 0x2b ? KEEP : STRIP;
    } else if (c >= 0x31 && c <= 0x39) {
      if (detectedIndent) giveUp('repeated indentation indicator');
      textIndent = nodeIndent + (c - 0x30) - 1;
      detectedIndent = true;
    } else {
      break;
    }
  }
  if (src.charCodeAt(p) === 0x20) {
    while (src.charCodeAt(p) === 0x20) p++;
    if (src.charCodeAt(p) === 0x23) p = src.indexOf('\n', p);
  }
  if (src.charCodeAt(p) !== 0x0a) giveUp('text after a block scalar header');
  let result = '';
  // The checking pass of a lazy parse (s.build false) walks the lines and builds no text.
  const build = s.build;
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  let lineStart = p + 1;
  blockScalarContentEnd = -1;
  blockScalarKeeps = chomping === KEEP;
  for (;;) {
    let q = lineStart;
    let lineIndent = 0;
    while ((!detectedIndent || lineIndent < textIndent) && src.charCodeAt(q) === 0x20) {
      lineIndent++;
      q++;
    }
    if (!detectedIndent && lineIndent > textIndent) textIndent = lineIndent;
    const c = src.charCodeAt(q);
    if (q < end && c === 0x0a) {
      emptyLines++;
      lineStart = q + 1;
      continue;
    }
    if (!detectedIndent && textIndent === 0) giveUp('block scalar without indentation');
    if (q >= end || lineIndent < textIndent) {
      if (!build) {
        s.pos = q >= end ? end : lineStart;
        return result;
      }
      if (chomping === KEEP) result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
      else if (chomping === CLIP && didReadContent) result += '\n';
      s.pos = q >= end ? end : lineStart;
      return result;
    }
    if (!build) {
      // (the text is not built)
    } else if (folding) {
      if (c === 0x20) {
        atMoreIndented = true;
        result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += '\n'.repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += ' ';
      } else {
        result += '\n'.repeat(emptyLines);
      }
    } else {
      result += '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
    }
    didReadContent = true;
    detectedIndent = true;
    emptyLines = 0;
    const e = src.indexOf('\n', q);
    if (build) result += src.slice(q, e);
    lineStart = e + 1;
    blockScalarContentEnd = lineStart;
  }
}
