import { escapePointerToken } from '../document/json-pointer.js';
import { giveUp } from './give-up.js';
import { LazyRegion } from './lazy-region.js';
import { blockScalarContentEnd, blockScalarKeeps, readBlockScalar } from './read-block-scalar.js';
import { readFlowCollection } from './read-flow-collection.js';
import {
  findPlainKeyColon,
  isPlainStart,
  plainScalarEnd,
  readPlainScalar,
  trimEndOffset,
} from './read-plain-scalar.js';
import { readQuotedScalar } from './read-quoted-scalar.js';
import { resolvePlainScalar } from './resolve-plain-scalar.js';
import { MAX_FAST_DEPTH, type ScanState } from './scan-state.js';
import { finishLine, skipBlankLines, skipSpaces } from './skip-blank-lines.js';
import { checkKey, storeKey } from './store-key.js';

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
  // The checking pass of a json parse needs a plain key's value only to see a merge key (`<<`).
  keyValue =
    s.build || !s.json
      ? resolvePlainScalar(src.slice(start, end), s.extended)
      : end - start === 2
        ? src.slice(start, end)
        : '';
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

/** What the checking pass of a lazy parse returns for collections it read and did not build. */
const SKIPPED_MAPPING: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
const SKIPPED_SEQUENCE: unknown[] = Object.freeze([]) as unknown as unknown[];

/** Offsets of the node read last: where its value ends and where the node ends (`yaml`'s range[1], range[2]). */
let valueEnd = 0;
let nodeEnd = 0;

/** In positions mode, record `pointer`'s value offsets (and its key's). */
function record(s: ScanState, pointer: string, keySpan: Span | undefined, start: number): void {
  if (s.spans !== undefined && !s.spans.has(pointer))
    s.spans.set(
      pointer,
      keySpan === undefined ? { value: [start, valueEnd] } : { value: [start, valueEnd], key: keySpan },
    );
}

type Span = [number, number];

/**
 * Read a block mapping at column `indent` whose first key readKeyAt has just read. Entries follow at
 * the same column; it ends at a line indented less (or the end of the document). Leaves `pos` at
 * the start of the first line after it.
 */
export function readBlockMapping(
  s: ScanState,
  indent: number,
  pointer: string,
  keySpan?: Span,
): Record<string, unknown> {
  if (++s.depth > MAX_FAST_DEPTH) giveUp('nesting too deep');
  const mapping: Record<string, unknown> = s.build ? {} : SKIPPED_MAPPING;
  const start = keyStart;
  // Checking pass: keys checked as storeKey would (duplicates tracked only when they make it give up).
  const names = s.build || s.json ? undefined : new Set<string>();
  for (;;) {
    const key = keyValue;
    const plain = keyPlain;
    if (!s.build) {
      checkKey(s, names, key, plain);
      readMappingValue(s, indent, '', undefined);
    } else if (s.spans === undefined) {
      storeKey(s, mapping, key, plain, readMappingValue(s, indent, '', undefined));
    } else {
      const span: Span = [keyStart, keyEnd];
      const child = `${pointer}/${escapePointerToken(key as string)}`;
      storeKey(s, mapping, key, plain, readMappingValue(s, indent, child, span));
    }
    skipBlankLines(s);
    if (s.indent < indent) break;
    if (s.indent > indent) giveUp('bad indentation of a mapping entry');
    if (!readKeyAt(s)) giveUp('not a mapping entry');
  }
  s.pos = s.lineStart;
  s.depth--;
  // `yaml`: a collection ends where its last entry's node ends.
  valueEnd = nodeEnd;
  record(s, pointer, keySpan, start);
  return mapping;
}

/** The value of a mapping entry at `indent`, `pos` just after its `:`. */
function readMappingValue(s: ScanState, indent: number, pointer: string, keySpan: Span | undefined): unknown {
  const { src } = s;
  const p = skipSpaces(src, s.pos);
  const c = src.charCodeAt(p);
  if (c === 0x0a || c === 0x23) {
    const lineEnd = src.indexOf('\n', p) + 1;
    s.pos = lineEnd;
    skipBlankLines(s);
    if (s.indent > indent) {
      if (s.lazy === undefined) return readNodeOnOwnLines(s, indent, pointer, keySpan);
      return readRegion(s, indent, OWN_LINES);
    }
    if (s.indent === indent && isDash(src, s.pos)) {
      if (s.lazy === undefined) return readBlockSequence(s, indent, pointer, keySpan);
      return readRegion(s, indent, COMPACT_SEQUENCE);
    }
    s.pos = s.lineStart;
    readEmpty(s, pointer, keySpan, p, c === 0x23 ? lineEnd : p);
    return null;
  }
  s.pos = p;
  if (s.lazy !== undefined) return readRegion(s, indent, INLINE);
  return readInlineValue(s, indent, pointer, keySpan);
}

/** Where a deferred value starts: on the lines after its key, a block sequence at its key's column, or on its key's line. */
const OWN_LINES = 0;
const COMPACT_SEQUENCE = 1;
const INLINE = 2;

/**
 * Lazy parses: the value of a mapping entry at column `indent`, at `s.pos`: a node on the lines after
 * the key (OWN_LINES), a block sequence at the key's column (COMPACT_SEQUENCE), or a scalar or flow
 * collection on the key's line (INLINE). The checking pass reads it without building it and records
 * it when it is large; the building pass turns a recorded one into a LazyRegion (storeKey defers it)
 * and skips its text, and builds the others.
 */
function readRegion(s: ScanState, indent: number, kind: number): unknown {
  const lazy = s.lazy as NonNullable<ScanState['lazy']>;
  const start = s.pos;
  if (s.build) {
    const end = lazy.regions.get(start);
    if (end !== undefined) {
      s.pos = end;
      return new LazyRegion(lazy, start, s.lineStart, s.depth, indent, kind, end);
    }
  }
  const value = readValue(s, indent, kind);
  if (!s.build && s.pos - start >= lazy.minLength) lazy.regions.set(start, s.pos);
  return value;
}

function readValue(s: ScanState, indent: number, kind: number): unknown {
  if (kind === OWN_LINES) return readNodeOnOwnLines(s, indent, '', undefined);
  if (kind === COMPACT_SEQUENCE) return readBlockSequence(s, indent, '');
  return readInlineValue(s, indent, '', undefined);
}

/**
 * Build a value a lazy parse deferred: the same reader, from the same offset and state as the
 * building pass would have read it in place, so the same value (its own large values deferred in turn).
 */
export function buildRegion(region: LazyRegion): unknown {
  const { context } = region;
  const s: ScanState = {
    src: context.src,
    end: context.src.length,
    pos: region.start,
    lineStart: region.lineStart,
    indent: region.start - region.lineStart,
    marker: 0,
    depth: region.depth,
    json: context.json,
    extended: context.extended,
    spans: undefined,
    build: true,
    lazy: context,
  };
  const value = readValue(s, region.parentIndent, region.kind);
  if (s.pos !== region.end) throw new Error(`lazy YAML value at offset ${region.start} ended elsewhere`);
  return value;
}

/** An empty node (null) at `at`; `end` is after its comment when one follows on its line. */
function readEmpty(s: ScanState, pointer: string, keySpan: Span | undefined, at: number, end: number): void {
  // `yaml` ends an empty node with a comment after it at the next content, blank lines included.
  if (s.spans !== undefined && end !== at) giveUp('positions of an empty node with a comment');
  valueEnd = at;
  nodeEnd = end;
  record(s, pointer, keySpan, at);
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
  keySpan: Span | undefined,
): unknown {
  const { src } = s;
  const start = s.pos;
  const c = src.charCodeAt(start);
  let value: unknown;
  if (c === 0x22 || c === 0x27) {
    value = readQuotedScalar(s, false, parentIndent + 1);
    valueEnd = s.pos;
    if (!finishLine(s)) giveUp('text after a quoted scalar');
    nodeEnd = s.pos;
  } else if (c === 0x5b || c === 0x7b) {
    value = readFlowCollection(s);
    valueEnd = s.pos;
    if (!finishLine(s)) giveUp('text after a flow collection');
    nodeEnd = s.pos;
  } else if (c === 0x7c || c === 0x3e) {
    value = readBlockScalar(s, parentIndent + 1);
    if (s.spans !== undefined) {
      if (blockScalarContentEnd < 0) giveUp('positions of an empty block scalar');
      valueEnd = nodeEnd = blockScalarKeeps ? s.pos : blockScalarContentEnd;
    }
  } else {
    if (!isPlainStart(src, start)) giveUp('not a plain scalar');
    const raw = readPlainScalar(s, parentIndent + 1);
    value = s.build ? resolvePlainScalar(raw, s.extended) : raw;
    valueEnd = plainScalarEnd;
    nodeEnd = s.pos;
  }
  record(s, pointer, keySpan, start);
  return value;
}

/**
 * A node on the lines after its key or dash, its first line at column `s.indent` (deeper than
 * `parentIndent`): a block sequence or mapping at that column, or any inline node.
 */
function readNodeOnOwnLines(
  s: ScanState,
  parentIndent: number,
  pointer: string,
  keySpan: Span | undefined,
): unknown {
  const column = s.indent;
  if (isDash(s.src, s.pos)) return readBlockSequence(s, column, pointer, keySpan);
  if (readKeyAt(s)) return readBlockMapping(s, column, pointer, keySpan);
  return readInlineValue(s, parentIndent, pointer, keySpan);
}

/**
 * Read a block sequence whose first `-` is at `s.pos`, column `indent`. Leaves `pos` at the start of
 * the first line after it.
 */
export function readBlockSequence(s: ScanState, indent: number, pointer: string, keySpan?: Span): unknown[] {
  if (++s.depth > MAX_FAST_DEPTH) giveUp('nesting too deep');
  const { src } = s;
  const start = s.pos;
  // The checking pass of a lazy parse reads the items and keeps none.
  const sequence: unknown[] = s.build ? [] : SKIPPED_SEQUENCE;
  const keep = s.build;
  for (;;) {
    const child = s.spans === undefined ? '' : `${pointer}/${sequence.length}`;
    const p = skipSpaces(src, s.pos + 1);
    const c = src.charCodeAt(p);
    if (c === 0x0a || c === 0x23) {
      const lineEnd = src.indexOf('\n', p) + 1;
      s.pos = lineEnd;
      skipBlankLines(s);
      if (s.indent > indent) {
        const item = readNodeOnOwnLines(s, indent, child, undefined);
        if (keep) sequence.push(item);
      } else {
        readEmpty(s, child, undefined, p, c === 0x23 ? lineEnd : p);
        if (keep) sequence.push(null);
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
      const item = isDash(src, p)
        ? readBlockSequence(s, column, child)
        : readKeyAt(s)
          ? readBlockMapping(s, column, child)
          : readInlineValue(s, indent, child, undefined);
      if (keep) sequence.push(item);
    }
    skipBlankLines(s);
    if (s.indent < indent) break;
    if (s.indent > indent) giveUp('bad indentation of a sequence entry');
    if (!isDash(src, s.pos)) break;
  }
  s.pos = s.lineStart;
  s.depth--;
  valueEnd = nodeEnd;
  record(s, pointer, keySpan, start);
  return sequence;
}
