import { escapePointerToken } from '../document/json-pointer.js';
import { giveUp } from './give-up.js';
import { readBlockScalar } from './read-block-scalar.js';
import { readFlowCollection } from './read-flow-collection.js';
import { findPlainKeyColon, isPlainStart, readPlainScalar, trimEndOffset } from './read-plain-scalar.js';
import { readQuotedScalar } from './read-quoted-scalar.js';
import { resolvePlainScalar } from './resolve-plain-scalar.js';
import { MAX_FAST_DEPTH, type ScanState } from './scan-state.js';
import { finishLine, skipBlankLines, skipSpaces } from './skip-blank-lines.js';
import { storeKey } from './store-key.js';

/** The key read by the last successful readKey: its value, whether it was plain, its offsets. */
let keyValue: unknown;
let keyPlain = false;
let keyStart = 0;
let keyEnd = 0;

/**
 * Whether a block mapping entry (`key:` followed by a space or a line break) starts at `s.pos`; if
 * so, the key is in keyValue/keyPlain/keyStart/keyEnd and `pos` is after its `:`; else `pos` is
 * unchanged. Keys are plain or quoted scalars on one line.
 */
export function readKeyAt(s: ScanState): boolean {
  const { src } = s;
  const start = s.pos;
  const c = src.charCodeAt(start);
  if (c === 0x22 || c === 0x27) {
    const text = readQuotedScalar(s, true);
    if (text === undefined) return false;
    const end = s.pos;
    const p = skipSpaces(src, end);
    const next = src.charCodeAt(p + 1);
    if (src.charCodeAt(p) !== 0x3a || (next !== 0x20 && next !== 0x0a)) {
      s.pos = start;
      return false;
    }
    keyValue = text;
    keyPlain = false;
    keyStart = start;
    keyEnd = end;
    s.pos = p + 1;
    return true;
  }
  if (!isPlainStart(src, start)) return false;
  const colon = findPlainKeyColon(src, start);
  if (colon < 0) return false;
  const end = trimEndOffset(src, start, colon);
  const raw = src.slice(start, end);
  keyValue = resolvePlainScalar(raw, s.extended);
  if (s.spans !== undefined && typeof keyValue !== 'string')
    giveUp('positions of a key that is not a string');
  keyPlain = true;
  keyStart = start;
  keyEnd = end;
  s.pos = colon + 1;
  return true;
}

function isDash(src: string, p: number): boolean {
  if (src.charCodeAt(p) !== 0x2d) return false;
  const next = src.charCodeAt(p + 1);
  return next === 0x20 || next === 0x0a;
}

function childPointer(s: ScanState, pointer: string, key: string | number): string {
  return s.spans === undefined ? '' : `${pointer}/${typeof key === 'number' ? key : escapePointerToken(key)}`;
}

/**
 * Read a block mapping at column `indent` whose first key readKey has just read. Entries follow at
 * the same column; it ends at a line indented less (or the end of the document). Leaves `pos` at
 * the start of the first line after it.
 */
export function readBlockMapping(s: ScanState, indent: number, pointer: string): Record<string, unknown> {
  if (++s.depth > MAX_FAST_DEPTH) giveUp('nesting too deep');
  const mapping: Record<string, unknown> = {};
  const start = keyStart;
  let lastEnd = keyEnd;
  for (;;) {
    const key = keyValue;
    const plain = keyPlain;
    const keySpan: [number, number] | undefined = s.spans === undefined ? undefined : [keyStart, keyEnd];
    const child = s.spans === undefined ? '' : childPointer(s, pointer, key as string);
    const value = readMappingValue(s, indent, child, keySpan);
    lastEnd = valueEnd;
    storeKey(s, mapping, key, plain, value);
    skipBlankLines(s);
    if (s.indent < indent) break;
    if (s.indent > indent) giveUp('bad indentation of a mapping entry');
    if (!readKeyAt(s)) giveUp('not a mapping entry');
  }
  s.pos = s.lineStart;
  s.depth--;
  if (s.spans !== undefined && !s.spans.has(pointer)) s.spans.set(pointer, { value: [start, lastEnd] });
  valueEnd = lastEnd;
  return mapping;
}

/** End offset of the last node read (for positions). */
let valueEnd = 0;

/** The value of a mapping entry at `indent`, `pos` just after its `:`. */
function readMappingValue(
  s: ScanState,
  indent: number,
  pointer: string,
  keySpan: [number, number] | undefined,
): unknown {
  const { src } = s;
  const p = skipSpaces(src, s.pos);
  const c = src.charCodeAt(p);
  if (c === 0x0a || c === 0x23) {
    s.pos = src.indexOf('\n', p) + 1;
    skipBlankLines(s);
    if (s.indent > indent) return readNodeOnOwnLines(s, indent, pointer, keySpan);
    if (s.indent === indent && isDash(src, s.pos)) return readBlockSequence(s, indent, pointer, keySpan);
    s.pos = s.lineStart;
    recordEmpty(s, pointer, keySpan, p);
    return null;
  }
  s.pos = p;
  return readInlineValue(s, indent, pointer, keySpan);
}

function recordEmpty(s: ScanState, pointer: string, keySpan: [number, number] | undefined, at: number): void {
  valueEnd = at;
  if (s.spans !== undefined && !s.spans.has(pointer))
    s.spans.set(pointer, keySpan === undefined ? { value: [at, at] } : { value: [at, at], key: keySpan });
}

function record(
  s: ScanState,
  pointer: string,
  keySpan: [number, number] | undefined,
  start: number,
  end: number,
): void {
  valueEnd = end;
  if (s.spans !== undefined && !s.spans.has(pointer))
    s.spans.set(
      pointer,
      keySpan === undefined ? { value: [start, end] } : { value: [start, end], key: keySpan },
    );
}

/**
 * A node that starts on the line of its key or dash, at `s.pos`: a flow collection, a quoted, block
 * or plain scalar (block collections cannot start there). `parentIndent` is the column of the
 * collection holding it. Leaves `pos` at the start of the next line.
 */
function readInlineValue(
  s: ScanState,
  parentIndent: number,
  pointer: string,
  keySpan: [number, number] | undefined,
): unknown {
  const { src } = s;
  const start = s.pos;
  const c = src.charCodeAt(start);
  if (c === 0x22 || c === 0x27) {
    const text = readQuotedScalar(s, false);
    record(s, pointer, keySpan, start, s.pos);
    if (!finishLine(s)) giveUp('text after a quoted scalar');
    return text;
  }
  if (c === 0x5b || c === 0x7b) {
    if (s.spans !== undefined && keySpan !== undefined)
      s.spans.set(pointer, { value: [start, start], key: keySpan });
    const value = readFlowCollection(s, pointer);
    valueEnd = s.pos;
    if (!finishLine(s)) giveUp('text after a flow collection');
    return value;
  }
  if (c === 0x7c || c === 0x3e) {
    if (s.spans !== undefined) giveUp('positions of block scalars');
    return readBlockScalar(s, parentIndent + 1);
  }
  if (!isPlainStart(src, start)) giveUp('not a plain scalar');
  const raw = readPlainScalar(s, parentIndent + 1);
  record(s, pointer, keySpan, start, start + raw.length);
  return resolvePlainScalar(raw, s.extended);
}

/**
 * A node on the lines after its key or dash, its first line at column `s.indent` (deeper than
 * `parentIndent`): a block sequence or mapping at that column, or any inline node.
 */
function readNodeOnOwnLines(
  s: ScanState,
  parentIndent: number,
  pointer: string,
  keySpan: [number, number] | undefined,
): unknown {
  const column = s.indent;
  if (isDash(s.src, s.pos)) return readBlockSequence(s, column, pointer, keySpan);
  if (readKeyAt(s)) {
    if (s.spans !== undefined && keySpan !== undefined)
      s.spans.set(pointer, { value: [keyStart, keyStart], key: keySpan });
    return readBlockMapping(s, column, pointer);
  }
  return readInlineValue(s, parentIndent, pointer, keySpan);
}

/**
 * Read a block sequence whose first `-` is at `s.pos`, column `indent`. Leaves `pos` at the start of
 * the first line after it.
 */
export function readBlockSequence(
  s: ScanState,
  indent: number,
  pointer: string,
  keySpan?: [number, number],
): unknown[] {
  if (++s.depth > MAX_FAST_DEPTH) giveUp('nesting too deep');
  const { src } = s;
  const start = s.pos;
  if (s.spans !== undefined && keySpan !== undefined)
    s.spans.set(pointer, { value: [start, start], key: keySpan });
  const sequence: unknown[] = [];
  let lastEnd = start;
  for (;;) {
    const child = childPointer(s, pointer, sequence.length);
    const p = skipSpaces(src, s.pos + 1);
    const c = src.charCodeAt(p);
    if (c === 0x0a || c === 0x23) {
      s.pos = src.indexOf('\n', p) + 1;
      skipBlankLines(s);
      if (s.indent > indent) {
        sequence.push(readNodeOnOwnLines(s, indent, child, undefined));
        lastEnd = valueEnd;
      } else {
        recordEmpty(s, child, undefined, p);
        lastEnd = p;
        sequence.push(null);
        if (s.indent === -1) break;
        if (isDash(src, s.pos)) {
          if (s.indent < indent) giveUp('sequence entry indented less');
          continue;
        }
        break;
      }
    } else {
      s.pos = p;
      const column = p - s.lineStart;
      if (isDash(src, p)) {
        sequence.push(readBlockSequence(s, column, child));
      } else if (readKeyAt(s)) {
        sequence.push(readBlockMapping(s, column, child));
      } else {
        sequence.push(readInlineValue(s, indent, child, undefined));
      }
      lastEnd = valueEnd;
    }
    skipBlankLines(s);
    if (s.indent < indent) break;
    if (s.indent > indent) giveUp('bad indentation of a sequence entry');
    if (!isDash(src, s.pos)) break;
  }
  s.pos = s.lineStart;
  s.depth--;
  if (s.spans !== undefined) {
    const known = s.spans.get(pointer);
    s.spans.set(
      pointer,
      known?.key === undefined ? { value: [start, lastEnd] } : { value: [start, lastEnd], key: known.key },
    );
  }
  valueEnd = lastEnd;
  return sequence;
}
